/**
 * One Idempotency-Key per intended action: sending the same body again (a double click, a retry after a network
 * failure) reuses the key, so the API answers its first reply and acts once; a changed body is a new action.
 */
export function idempotencyKeys(): (body: unknown) => string {
  let last: { body: string; key: string } | undefined;
  return (body) => {
    const text = JSON.stringify(body ?? null);
    if (last?.body !== text) last = { body: text, key: crypto.randomUUID() };
    return last.key;
  };
}
