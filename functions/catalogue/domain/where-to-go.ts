import type { TenantProfile } from './service-item';
import type { WindowDomain } from './tenant-config/index';

/**
 * Where to go (办理地点) for an item or a 一件事: the halls of the county with the windows that take it in. A window
 * takes an item in when it lists the item's domain; a 一件事 configured with its own window is taken in there alone.
 * A hall none of whose windows takes it in is left out, unless no window of the county does: then every hall is
 * listed without windows, so that the guide still says where to ask. Pure.
 */
export function whereToGo(profile: Pick<TenantProfile, 'halls'>, takenIn: { readonly domains: readonly WindowDomain[]; readonly windowId?: string }) {
  const halls = profile.halls.map((hall) => ({
    hallId: hall.hallId,
    name: hall.name,
    level: hall.level,
    ...(hall.address === undefined ? {} : { address: hall.address }),
    windows: hall.windows
      .filter((window) =>
        takenIn.windowId === undefined ? window.domains.some((domain) => takenIn.domains.includes(domain)) : window.windowId === takenIn.windowId,
      )
      .map((window) => ({ windowId: window.windowId, name: window.name, kind: window.kind })),
  }));
  const serving = halls.filter((hall) => hall.windows.length > 0);
  return serving.length > 0 ? serving : halls;
}
