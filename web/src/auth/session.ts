import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { portalConfig } from '@/config';

/**
 * Sign-in through the deployment's OpenID provider: authorization code with PKCE (oidc-client-ts), the ID token kept
 * in this tab's session storage only, sent to the API as the bearer token (the API's JWT authorizer checks its
 * issuer and audience). Who is signed in comes only from that verified token; the ID number typed into an application
 * is checked by the API against the token's ID digest, never trusted as the identity.
 */
export type Audience = 'citizen' | 'staff';

const managers = new Map<Audience, Promise<UserManager>>();

function managerOf(audience: Audience): Promise<UserManager> {
  let manager = managers.get(audience);
  if (!manager) {
    manager = portalConfig().then(({ signIn }) => {
      const provider = signIn[audience];
      return new UserManager({
        authority: provider.issuer,
        client_id: provider.clientId,
        redirect_uri: `${window.location.origin}/auth/callback`,
        response_type: 'code',
        scope: provider.scope,
        // the provider's tokens carry every claim; no userinfo round trip
        loadUserInfo: false,
        automaticSilentRenew: false,
        userStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: `tongban.${audience}.` }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage, prefix: `tongban.${audience}.state.` }),
      });
    });
    managers.set(audience, manager);
  }
  return manager;
}

/** The signed-in user of an audience while their ID token is valid, else undefined. */
export async function currentUser(audience: Audience): Promise<User | undefined> {
  const user = await (await managerOf(audience)).getUser();
  return user && !user.expired && user.id_token ? user : undefined;
}

export async function idToken(audience: Audience): Promise<string | undefined> {
  return (await currentUser(audience))?.id_token;
}

/** Leaves for the provider's sign-in page; back at `returnTo` (a path of this app) once signed in. */
export async function signIn(audience: Audience, returnTo: string): Promise<void> {
  await (await managerOf(audience)).signinRedirect({ state: { audience, returnTo } });
}

/** Forgets the tokens of this tab (the provider's own session ends with its short lifetime). */
export async function signOut(audience: Audience): Promise<void> {
  await (await managerOf(audience)).removeUser();
}

/**
 * Completes a redirect back from the provider: which audience it was for is in the stored state, so the callback
 * tries each audience's manager for the `state` in the URL.
 */
export async function completeSignIn(url: string): Promise<{ audience: Audience; returnTo: string }> {
  const state = new URL(url).searchParams.get('state') ?? '';
  for (const audience of ['citizen', 'staff'] as const) {
    if (!window.sessionStorage.getItem(`tongban.${audience}.state.${state}`)) continue;
    const user = await (await managerOf(audience)).signinRedirectCallback(url);
    const returned = (user.state ?? {}) as { returnTo?: string };
    const returnTo =
      typeof returned.returnTo === 'string' && returned.returnTo.startsWith('/') && !returned.returnTo.startsWith('//') ? returned.returnTo : '/';
    return { audience, returnTo };
  }
  throw new Error('unknown sign-in state');
}
