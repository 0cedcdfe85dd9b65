/**
 * The sign-in pages of the local identity provider: plain server-rendered HTML forms in Chinese, usable with a
 * keyboard alone and with a screen reader (every field labelled, errors announced, 16px+ text, visible focus),
 * and readable by `infra/local/sign-in.ts`, which fills them in as a person would. Pure: no provider, no I/O.
 */

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] as string);

/** 138****0001: enough to recognise one's own number on screen. */
export const maskPhone = (phone: string): string => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone);

const styles = `
  html { font-size: 100%; }
  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 1.125rem; line-height: 1.6; color: #1a1a1a; background: #f5f6f8; margin: 0; }
  main { max-width: 28rem; margin: 2rem auto; padding: 1.5rem 2rem 2rem; background: #fff; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
  .issuer { color: #4a4a4a; margin: 0 0 1.25rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  .hint { display: block; color: #4a4a4a; font-size: 1rem; margin-bottom: .25rem; }
  input { font-size: 1.125rem; padding: .5rem .75rem; width: 100%; box-sizing: border-box; border: 2px solid #6b6b6b; border-radius: 4px; }
  button { font-size: 1.125rem; padding: .6rem 1.25rem; margin-top: 1.25rem; border: 0; border-radius: 4px; background: #0b57d0; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #0b57d0; border: 2px solid #0b57d0; }
  input:focus, button:focus, a:focus { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { color: #b3261e; font-weight: 600; border-left: 4px solid #b3261e; padding-left: .75rem; }
  .notice { border-left: 4px solid #0b57d0; padding-left: .75rem; }
  a { color: #0b57d0; font-size: 1.125rem; }
`;

export interface PageMessage {
  /** Stable code of the refusal, for tools (`data-error-code`). */
  readonly code: string;
  readonly message: string;
}

function page(title: string, issuerName: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${escapeHtml(issuerName)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="issuer">${escapeHtml(issuerName)}（本地测试环境）</p>
${body}
</main>
</body>
</html>`;
}

const errorBlock = (error: PageMessage | undefined) =>
  error ? `<p id="form-error" class="error" role="alert" data-error-code="${escapeHtml(error.code)}">${escapeHtml(error.message)}</p>` : '';

const described = (error: PageMessage | undefined, hintId: string) =>
  `aria-describedby="${hintId}${error ? ' form-error' : ''}"${error ? ' aria-invalid="true"' : ''}`;

/** Step 1 for citizens: the phone number the code goes to. */
export function citizenPhonePage(input: { action: string; issuerName: string; phone?: string; error?: PageMessage }): string {
  return page(
    '手机号码登录',
    input.issuerName,
    `${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
  <label for="phone">手机号码</label>
  <span class="hint" id="phone-hint">11位中国大陆手机号码，我们将发送6位短信验证码。</span>
  <input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="tel" maxlength="11" required autofocus value="${escapeHtml(input.phone ?? '')}" ${described(input.error, 'phone-hint')}>
  <button type="submit">获取验证码</button>
</form>`,
  );
}

/** Step 1 for staff: county and 工号; the code goes to the phone on the account. */
export function staffAccountPage(input: { action: string; issuerName: string; tenantId?: string; staffId?: string; error?: PageMessage }): string {
  return page(
    '工作人员登录',
    input.issuerName,
    `${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
  <label for="tenantId">县（区）代码</label>
  <span class="hint" id="tenant-hint">6位行政区划代码，例如 522732（三都水族自治县）。</span>
  <input id="tenantId" name="tenantId" type="text" inputmode="numeric" maxlength="6" required autofocus value="${escapeHtml(input.tenantId ?? '')}" ${described(input.error, 'tenant-hint')}>
  <label for="staffId">工号</label>
  <span class="hint" id="staff-hint">验证码将发送到账号登记的手机。</span>
  <input id="staffId" name="staffId" type="text" autocomplete="username" maxlength="32" required value="${escapeHtml(input.staffId ?? '')}" ${described(input.error, 'staff-hint')}>
  <button type="submit">获取验证码</button>
</form>`,
  );
}

/** Step 2 for both: the code, with a resend and a way back. */
export function codePage(input: {
  verifyAction: string;
  resendAction: string;
  backHref: string;
  issuerName: string;
  maskedPhone: string;
  notice?: string;
  error?: PageMessage;
}): string {
  const notice = input.notice ? `<p class="notice" role="status">${escapeHtml(input.notice)}</p>` : '';
  return page(
    '输入短信验证码',
    input.issuerName,
    `${errorBlock(input.error)}${notice}
<form method="post" action="${escapeHtml(input.verifyAction)}" novalidate>
  <label for="code">短信验证码</label>
  <span class="hint" id="code-hint">已发送至 ${escapeHtml(input.maskedPhone)}，15分钟内有效。</span>
  <input id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" maxlength="6" required autofocus ${described(input.error, 'code-hint')}>
  <button type="submit">登录</button>
</form>
<form method="post" action="${escapeHtml(input.resendAction)}">
  <button type="submit" class="secondary">重新获取验证码</button>
</form>
<p><a href="${escapeHtml(input.backHref)}">返回上一步</a></p>`,
  );
}

/** Anything the provider itself refuses (an unknown client, a stale link), in both languages. */
export function errorPage(issuerName: string, error: string, description: string | undefined): string {
  return page(
    '无法登录',
    issuerName,
    `<p class="error" role="alert" data-error-code="${escapeHtml(error)}">登录请求无效或已过期，请返回应用重新登录。</p>
<p lang="en">Sign-in failed: ${escapeHtml(error)}${description ? ` (${escapeHtml(description)})` : ''}</p>`,
  );
}
