import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The budget: the home page's first load, gzipped JavaScript. */
export const FIRST_LOAD_BUDGET_BYTES = 250 * 1024;

interface ChunkFacts {
  readonly fileName: string;
  readonly isEntry: boolean;
  readonly imports: readonly string[];
  readonly gzipBytes: number;
}

/**
 * Prints what a visitor downloads: the entry chunk with every chunk it imports statically (the first load of any
 * page), then each lazily loaded chunk. Writes the figures to dist/bundle-weight.json and fails the build when the
 * first load is over budget, so a heavy import on the home page cannot land unnoticed.
 */
export function reportBundleWeight(): Plugin {
  return {
    name: 'tongban-bundle-weight',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkFacts>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks.set(output.fileName, {
          fileName: output.fileName,
          isEntry: output.isEntry,
          imports: output.imports,
          gzipBytes: gzipSync(output.code, { level: 9 }).length,
        });
      }
      const firstLoad = new Set<string>();
      const visit = (name: string) => {
        if (firstLoad.has(name) || !chunks.has(name)) return;
        firstLoad.add(name);
        for (const imported of chunks.get(name)!.imports) visit(imported);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      const firstLoadBytes = [...firstLoad].reduce((sum, name) => sum + chunks.get(name)!.gzipBytes, 0);
      const lazy = [...chunks.values()].filter((chunk) => !firstLoad.has(chunk.fileName)).sort((a, b) => b.gzipBytes - a.gzipBytes);
      this.info(`first load (entry and its static imports): ${kb(firstLoadBytes)} gzip JS of ${kb(FIRST_LOAD_BUDGET_BYTES)} allowed`);
      for (const chunk of lazy) this.info(`  lazy ${chunk.fileName}: ${kb(chunk.gzipBytes)} gzip`);
      this.emitFile({
        type: 'asset',
        fileName: 'bundle-weight.json',
        source: `${JSON.stringify(
          {
            budgetBytes: FIRST_LOAD_BUDGET_BYTES,
            firstLoadGzipBytes: firstLoadBytes,
            firstLoad: [...firstLoad],
            lazy: lazy.map(({ fileName, gzipBytes }) => ({ fileName, gzipBytes })),
          },
          null,
          2,
        )}\n`,
      });
      if (firstLoadBytes > FIRST_LOAD_BUDGET_BYTES) {
        this.error(`the first load is ${kb(firstLoadBytes)} gzip JS, over the budget of ${kb(FIRST_LOAD_BUDGET_BYTES)}: load the heavy part lazily`);
      }
    },
  };
}
