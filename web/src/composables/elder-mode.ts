import { ref, watch } from 'vue';

/**
 * 长者模式 (适老化): a token swap on <html data-mode="elder">, remembered on this device. Not a separate site and not a
 * third-party toolbar: every page reads the same tokens (theme/tokens.css).
 */
const STORAGE_KEY = 'tongban.mode';

function stored(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'elder';
  } catch {
    return false;
  }
}

const elder = ref(stored());

function apply(on: boolean): void {
  document.documentElement.dataset.mode = on ? 'elder' : 'standard';
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? 'elder' : 'standard');
  } catch {
    // private browsing: the switch still works for this visit
  }
}

apply(elder.value);
watch(elder, apply);

export function useElderMode() {
  return { elder, toggle: () => (elder.value = !elder.value) };
}
