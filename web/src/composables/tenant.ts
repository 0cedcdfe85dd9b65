import { computed } from 'vue';
import { useRoute } from 'vue-router';

/** The county the visitor is in: the `tenantId` of the route (every county page is under `/:tenantId/`). */
export function useTenantId() {
  const route = useRoute();
  return computed(() => String(route.params.tenantId ?? ''));
}
