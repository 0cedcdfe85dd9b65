import { whereToGo } from '../../functions/catalogue/domain/where-to-go';
import type { Hall } from '../../functions/catalogue/domain/tenant-config/index';

describe('given a county hall with domain windows and a township hall', () => {
  const halls: Hall[] = [
    {
      hallId: 'XX-ZWZX',
      name: '政务服务中心',
      level: '县级',
      address: '民族大道1号',
      windows: [
        { windowId: 'ZH-GTGH', name: '国土规划综合窗口', kind: '综合窗口', domains: ['国土规划'] },
        { windowId: 'ZY-SW', name: '税务专业窗口', kind: '专业窗口', domains: ['市场准入', '国土规划'] },
        { windowId: 'YJS', name: '“一件事”主题窗口', kind: '一件事', domains: ['民生保障'] },
        { windowId: 'KSTB', name: '跨省通办窗口', kind: '跨省通办', domains: [] },
      ],
    },
    { hallId: 'XX-ZQ', name: '便民服务中心', level: '乡镇', windows: [{ windowId: 'ZQ-ZH', name: '综合窗口', kind: '综合窗口', domains: ['民生保障'] }] },
  ];

  it("when an item's domain is taken in at the county hall only, then that hall is listed with the windows of the domain", () => {
    expect(whereToGo({ halls }, { domains: ['国土规划'] })).toEqual([
      {
        hallId: 'XX-ZWZX',
        name: '政务服务中心',
        level: '县级',
        address: '民族大道1号',
        windows: [
          { windowId: 'ZH-GTGH', name: '国土规划综合窗口', kind: '综合窗口' },
          { windowId: 'ZY-SW', name: '税务专业窗口', kind: '专业窗口' },
        ],
      },
    ]);
  });

  it('when a domain is taken in at both halls, then both are listed, the one without an address without one', () => {
    const listed = whereToGo({ halls }, { domains: ['民生保障'] });
    expect(listed.map((hall) => [hall.hallId, hall.windows.map((window) => window.windowId)])).toEqual([
      ['XX-ZWZX', ['YJS']],
      ['XX-ZQ', ['ZQ-ZH']],
    ]);
    expect(listed[1]).not.toHaveProperty('address');
  });

  it('when a 一件事 has its own window, then only that window is named, whatever the domains', () => {
    expect(whereToGo({ halls }, { domains: ['国土规划', '民生保障'], windowId: 'YJS' }).map((hall) => hall.windows)).toEqual([
      [{ windowId: 'YJS', name: '“一件事”主题窗口', kind: '一件事' }],
    ]);
  });

  it('when no window takes the domain in, then every hall is listed without windows, so the guide still says where to ask', () => {
    expect(whereToGo({ halls }, { domains: ['交通运输'] }).map((hall) => [hall.hallId, hall.windows.length])).toEqual([
      ['XX-ZWZX', 0],
      ['XX-ZQ', 0],
    ]);
  });
});
