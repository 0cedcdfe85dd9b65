import { ref, shallowRef } from 'vue';
import { ApiProblem } from '@/api/problem';

/**
 * A list the API answers a page at a time (`cursor` in, `nextCursor` out): `reload` starts again from the first page,
 * `more` appends the next one (加载更多) and keeps what is shown if it fails, so a lost connection loses nothing.
 */
export function usePagedList<Row>(loadPage: (cursor: string | undefined) => Promise<{ rows: readonly Row[]; nextCursor?: string }>) {
  const rows = shallowRef<readonly Row[]>([]);
  const nextCursor = ref<string>();
  const loaded = ref(false);
  const loading = ref(false);
  const problem = shallowRef<ApiProblem>();

  const load = async (cursor: string | undefined) => {
    loading.value = true;
    problem.value = undefined;
    try {
      const page = await loadPage(cursor);
      rows.value = cursor ? [...rows.value, ...page.rows] : page.rows;
      nextCursor.value = page.nextCursor;
      loaded.value = true;
    } catch (error) {
      problem.value = error instanceof ApiProblem ? error : new ApiProblem(0, 'CLIENT_ERROR', '页面出现问题，请刷新后重试。');
    } finally {
      loading.value = false;
    }
  };
  const reload = () => load(undefined);
  const more = () => (nextCursor.value ? load(nextCursor.value) : Promise.resolve());
  return { rows, nextCursor, loaded, loading, problem, reload, more };
}
