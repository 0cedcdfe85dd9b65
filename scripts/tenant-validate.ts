/**
 * Operator CLI: validates tenant configuration files (YAML or JSON) before they are applied.
 *
 * Usage: `npx tsx scripts/tenant-validate.ts FILE...`
 *
 * Prints every error of every file (path, line, code and a Chinese / English message) and one summary line per
 * valid file. Exit codes: 0 every file is valid; 1 some file has errors; 2 a file could not be read or no file
 * was given (checked first, since nothing can be said about a file that is not there).
 */
import { readFileSync } from 'node:fs';
import { parseTenantConfigText, type TenantConfigError } from '../functions/catalogue/domain/tenant-config/index';

const EXIT_VALID = 0;
const EXIT_INVALID = 1;
const EXIT_UNREADABLE = 2;

function describeError(error: TenantConfigError): string {
  const where = error.path === '' ? '(文件 / file)' : error.path;
  const line = error.line === undefined ? '' : ` (第 ${error.line} 行 / line ${error.line})`;
  return `  ${where}${line} [${error.code}] ${error.message}`;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在 / File not found' : '无法读取文件 / Cannot read file';
    console.error(`✗ ${file}: ${reason} (${(error as Error).message})`);
    return undefined;
  }
}

function validateFile(file: string): number {
  const text = readText(file);
  if (text === undefined) return EXIT_UNREADABLE;
  const result = parseTenantConfigText(text, file);
  if (!result.ok) {
    console.error(`✗ ${file}: ${result.errors.length} 个错误 / ${result.errors.length} error(s)`);
    for (const error of result.errors) console.error(describeError(error));
    return EXIT_INVALID;
  }
  const { tenant, departments, items, bundles } = result.config;
  console.log(
    `✓ ${file}: ${tenant.tenantId} ${tenant.name} — ${departments.length} 个部门 / departments, ${items.length} 个事项 / items, ${bundles.length} 个一件事 / bundles`,
  );
  return EXIT_VALID;
}

function main(files: readonly string[]): number {
  if (files.length === 0) {
    console.error('用法 / Usage: npx tsx scripts/tenant-validate.ts FILE...');
    return EXIT_UNREADABLE;
  }
  // every file is checked, so one run shows everything; the worst outcome decides the exit code
  return Math.max(...files.map(validateFile));
}

process.exitCode = main(process.argv.slice(2));
