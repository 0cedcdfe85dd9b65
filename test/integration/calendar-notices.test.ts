import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoHolidayNoticeStore } from '../../functions/calendar/adapters/dynamo-holiday-notice-store';
import type { CalendarYearRecord } from '../../functions/domain/calendar';
import { aPlatformForThisFile, repositoryRoot, staffApi } from './support/platform';

type NoticeList = {
  lastOfficialYear: number | null;
  horizonEnd: number | null;
  years: { year: number; kind: 'official' | 'provisional'; documentNumber?: string; version?: number; loadedBy?: string; loadedAt?: string }[];
};
type Versions = {
  year: number;
  current: number;
  versions: { version: number; previousVersion: number | null; loadedBy: string; reason?: string; documentNumber: string }[];
};
type Audit = {
  records: {
    recordId: string;
    action: string;
    who: string;
    before?: unknown;
    after?: { version: number; documentNumber: string };
    detail: { year: number; version: number; documentNumber: string };
  }[];
};

const tsx = join(repositoryRoot, 'node_modules', '.bin', 'tsx');
const fixture = join(repositoryRoot, 'test', 'fixtures', 'calendar-2027-test-notice.json');

/** Runs the operator command the way `npm run calendar:load -- …` does, against the platform of `dataDir`. */
const calendarLoad = (dataDir: string, ...args: string[]) =>
  spawnSync(tsx, [join(repositoryRoot, 'scripts', 'calendar-load.ts'), ...args], { env: { ...process.env, TONGBAN_DATA_DIR: dataDir }, encoding: 'utf8' });

describe('given the local platform, started with the shipped 2024–2026 notices', () => {
  const local = aPlatformForThisFile();
  /** The national operations' supervisor (config/local/staff.yaml, 000000), who reads the national audit trail. */
  const nationalSupervisor = () => staffApi(local, '000000', 'OPS-002');
  const yearOf = (list: NoticeList, year: number) => list.years.find((entry) => entry.year === year);

  it('then the public list shows 2024–2026 official (initial data) and the next two years provisional', async () => {
    const list = await local.api.get<NoticeList>('/v1/calendar/notices');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ lastOfficialYear: 2026, horizonEnd: 2028 });
    expect(list.body.years.map((entry) => [entry.year, entry.kind])).toEqual([
      [2024, 'official'],
      [2025, 'official'],
      [2026, 'official'],
      [2027, 'provisional'],
      [2028, 'provisional'],
    ]);
    expect(yearOf(list.body, 2026)).toMatchObject({ documentNumber: '国办发明电〔2025〕7号', version: 1, loadedBy: 'system:initial-data' });
  });

  describe('when an operator loads the 2027 notice with the CLI', () => {
    // 1 working day after Friday 2027-01-29: Monday 02-01 provisionally; Sunday 01-31, a make-up working day of the notice
    const deadlinePath = '/v1/tenants/522732/calendar/deadline?start=2027-01-29T10:00:00%2B08:00&days=1';
    const deadline = async () => (await local.api.get<{ deadline: string }>(deadlinePath)).body.deadline;
    let run: ReturnType<typeof calendarLoad>;
    let deadlineBeforeLoad: string;
    beforeAll(async () => {
      deadlineBeforeLoad = await deadline();
      run = calendarLoad(local.dataDir, fixture, '--by', 'ops-zhang', '--reason', '2027年安排公布');
    });

    it('then the command says so in Chinese and English and exits 0', () => {
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(/2027 .*已加载为第 1 版 \/ loaded as version 1/);
    });

    it('then 2027 is official version 1, loaded by the operator, and 2028–2029 are provisional', async () => {
      const list = await local.api.get<NoticeList>('/v1/calendar/notices');
      expect(list.body).toMatchObject({ lastOfficialYear: 2027, horizonEnd: 2029 });
      expect(yearOf(list.body, 2027)).toMatchObject({ kind: 'official', version: 1, loadedBy: 'ops-zhang', documentNumber: '国办发明电〔2026〕99号' });
      expect(list.body.years.filter((entry) => entry.kind === 'provisional').map((entry) => entry.year)).toEqual([2028, 2029]);
    });

    it('then the running functions count with it once their cached calendar is older than its TTL, without a restart', async () => {
      expect(deadlineBeforeLoad).toBe('2027-02-01T23:59:59+08:00');
      // past the default 60 s TTL (the notice's own event may refresh the cache sooner)
      local.platform.advanceClock(61_000);
      expect(await deadline()).toBe('2027-01-31T23:59:59+08:00');
    });

    it('then loading the same file again writes nothing', () => {
      const again = calendarLoad(local.dataDir, fixture, '--by', 'ops-li');
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/未写入 \/ identical to the current version 1; nothing written/);
    });
  });

  describe('when a correction notice for 2027 is loaded', () => {
    let run: ReturnType<typeof calendarLoad>;
    beforeAll(() => {
      const notice = JSON.parse(readFileSync(fixture, 'utf8')) as { documentNumber: string; holidays: { name: string; makeUpWorkdays: string[] }[] };
      notice.documentNumber = '国办发明电〔2026〕100号';
      for (const holiday of notice.holidays) if (holiday.name === '劳动节') holiday.makeUpWorkdays = ['2027-04-25'];
      const file = join(local.dataDir, 'calendar-2027-correction.json');
      writeFileSync(file, JSON.stringify(notice, null, 2));
      run = calendarLoad(local.dataDir, file, '--by', 'ops-li', '--reason', '更正通知');
    });

    it('then it becomes version 2 and both versions are listed, newest first', async () => {
      expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
      expect(run.stdout).toMatch(/已更正为第 2 版，第 1 版保留 \/ corrected: version 2 replaces version 1/);
      const versions = await local.api.get<Versions>('/v1/calendar/notices/2027/versions');
      expect(versions.status).toBe(200);
      expect(versions.body.current).toBe(2);
      expect(versions.body.versions.map((version) => [version.version, version.previousVersion, version.loadedBy, version.documentNumber])).toEqual([
        [2, 1, 'ops-li', '国办发明电〔2026〕100号'],
        [1, null, 'ops-zhang', '国办发明电〔2026〕99号'],
      ]);
      const list = await local.api.get<NoticeList>('/v1/calendar/notices');
      expect(yearOf(list.body, 2027)).toMatchObject({ version: 2, documentNumber: '国办发明电〔2026〕100号' });
    });

    it('then every load is in the audit trail of the national level with who loaded it, before and after', async () => {
      const supervisor = await nationalSupervisor();
      // the record written in the load's own transaction (the relayed event may add the supervision office's own)
      const zhang = await supervisor.get<Audit>('/v1/tenants/000000/audit?staffId=ops-zhang');
      expect(zhang.status).toBe(200);
      expect(zhang.body.records).toContainEqual(
        expect.objectContaining({
          recordId: 'CALENDAR-2027-V1',
          action: 'CalendarNoticeLoaded',
          who: 'ops-zhang',
          before: null,
          after: expect.objectContaining({ version: 1 }),
          detail: expect.objectContaining({ year: 2027, version: 1 }),
        }),
      );
      const li = await supervisor.get<Audit>('/v1/tenants/000000/audit?staffId=ops-li');
      expect(li.body.records).toContainEqual(
        expect.objectContaining({
          recordId: 'CALENDAR-2027-V2',
          action: 'CalendarNoticeLoaded',
          who: 'ops-li',
          before: expect.objectContaining({ version: 1, documentNumber: '国办发明电〔2026〕99号' }),
          after: expect.objectContaining({ version: 2, documentNumber: '国办发明电〔2026〕100号' }),
          detail: expect.objectContaining({ year: 2027, version: 2, documentNumber: '国办发明电〔2026〕100号', reason: '更正通知' }),
        }),
      );
    });
  });

  describe('when a load based on version 1 arrives after the correction (a lost race)', () => {
    const store = () => {
      const { AWS_ENDPOINT_URL_DYNAMODB, TABLE_NAME } = local.platform.environment;
      const client = new DynamoDBClient({
        endpoint: AWS_ENDPOINT_URL_DYNAMODB,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      });
      return new DynamoHolidayNoticeStore(DynamoDBDocumentClient.from(client), TABLE_NAME as string);
    };
    const stale = (version: number) => ({
      notice: JSON.parse(readFileSync(fixture, 'utf8')) as CalendarYearRecord,
      version,
      loadedAt: new Date().toISOString(),
      loadedBy: 'ops-late',
      previousVersion: 1,
    });

    it('then the store refuses it with CONCURRENT_UPDATE and writes none of its items', async () => {
      await expect(store().publish(stale(2), 'EVT-LATE-2')).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
      // version 3 does not exist yet, but the pointer is no longer at 1: the whole transaction is refused
      await expect(store().publish(stale(3), 'EVT-LATE-3')).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
      expect((await store().versions(2027)).map((stored) => [stored.version, stored.loadedBy])).toEqual([
        [2, 'ops-li'],
        [1, 'ops-zhang'],
      ]);
      const late = await (await nationalSupervisor()).get<Audit>('/v1/tenants/000000/audit?staffId=ops-late');
      expect(late.body.records).toEqual([]);
    });
  });

  describe('when a notice file with several problems is loaded', () => {
    let run: ReturnType<typeof calendarLoad>;
    beforeAll(() => {
      const file = join(local.dataDir, 'calendar-2027-broken.yaml');
      writeFileSync(
        file,
        [
          'year: 2027',
          'source: https://www.gov.cn/zhengce/zhengceku/202612/content_0000001.htm',
          'documentNumber: ""',
          'publishedOn: 2026-12-01',
          'holidays:',
          '  - name: 元旦',
          '    rest: [2027-01-03, 2027-01-01]',
          '    makeUpWorkdays: [2027-01-06]',
          '',
        ].join('\n'),
      );
      run = calendarLoad(local.dataDir, file, '--by', 'ops-wang');
    });

    it('then the command exits 1 and prints every problem with its path and line', () => {
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/未保存任何内容 \/ .*nothing was stored/);
      const issueLines = run.stderr.split('\n').filter((line) => line.startsWith('  '));
      expect(issueLines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^ {2}documentNumber \(line 3\)/),
          expect.stringMatching(/^ {2}holidays\[0\]\.rest \(line 7\) \[REST_RANGE_REVERSED\]/),
          expect.stringMatching(/^ {2}holidays\[0\]\.makeUpWorkdays\[0\] \(line 8\) \[MAKEUP_NOT_WEEKEND\]/),
        ]),
      );
    });

    it('then nothing is stored: 2027 is still version 2 and nobody else is in the audit trail', async () => {
      const versions = await local.api.get<Versions>('/v1/calendar/notices/2027/versions');
      expect(versions.body.versions.map((version) => version.version)).toEqual([2, 1]);
      const wang = await (await nationalSupervisor()).get<Audit>('/v1/tenants/000000/audit?staffId=ops-wang');
      expect(wang.body.records).toEqual([]);
    });
  });

  it('when the versions of a year never loaded are asked for, then 404 with a code and a bilingual message', async () => {
    const reply = await local.api.get<{ code: string; messageZh: string; messageEn: string }>('/v1/calendar/notices/2031/versions');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({
      code: 'CALENDAR_NOTICE_NOT_FOUND',
      messageZh: expect.stringMatching(/[\u4e00-\u9fa5]/),
      messageEn: expect.stringMatching(/not found/),
    });
    const malformed = await local.api.get<{ code: string }>('/v1/calendar/notices/next/versions');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });
});
