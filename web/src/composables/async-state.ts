import { type Ref, ref, shallowRef } from 'vue';
import { ApiProblem } from '@/api/problem';

/**
 * One answer being fetched: its data, whether it is loading, and the refusal if any (always an ApiProblem, so pages
 * show the Chinese message). `run` may be called again (retry, reload after an action).
 */
export function useAsync<T>(load: () => Promise<T>) {
  const data = shallowRef<T>();
  const loading = ref(false);
  const problem: Ref<ApiProblem | undefined> = shallowRef();
  const run = async () => {
    loading.value = true;
    problem.value = undefined;
    try {
      data.value = await load();
    } catch (error) {
      problem.value = error instanceof ApiProblem ? error : new ApiProblem(0, 'CLIENT_ERROR', '页面出现问题，请刷新后重试。');
    } finally {
      loading.value = false;
    }
  };
  return { data, loading, problem, run };
}
