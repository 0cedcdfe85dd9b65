import { problemOf } from '../../web/src/api/problem';

/* The portal shows a refusal in Chinese only: the API's own messageZh, or a Chinese sentence of its own. */

describe('given an answer the API refused', () => {
  it('when the body is the platform envelope, then the page gets its code, Chinese message and field details', () => {
    const problem = problemOf(400, {
      code: 'FORM_INVALID',
      message: '申请表填写有误 / The form is invalid',
      messageZh: '申请表填写有误',
      messageEn: 'The form is invalid',
      details: [{ path: 'form.projectName', message: '必填' }],
      requestId: 'r-1',
    });
    expect(problem).toMatchObject({ status: 400, code: 'FORM_INVALID', messageZh: '申请表填写有误', requestId: 'r-1' });
    expect(problem.details).toEqual([{ path: 'form.projectName', message: '必填' }]);
    expect(problem.message).not.toContain('The form is invalid');
  });

  it('when the gateway answers on its own ({"message":"Unauthorized"}), then the page says so in Chinese, with no English', () => {
    const problem = problemOf(401, { message: 'Unauthorized' });
    expect(problem.code).toBe('UNAUTHENTICATED');
    expect(problem.messageZh).toBe('登录已失效，请重新登录。');
    expect(problem.messageZh).not.toMatch(/[A-Za-z]/);
  });

  it('when the body is not JSON at all (a proxy page), then a Chinese message by status', () => {
    expect(problemOf(503, undefined).messageZh).toContain('系统繁忙');
    expect(problemOf(502, 'Bad Gateway').messageZh).toBe('服务暂时不可用，请稍后再试。');
  });
});
