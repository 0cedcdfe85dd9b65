import type { Schema } from '@/api/client';

type MaterialLine = Schema<'CaseView'>['materials'][number];

/** When a material was last provided (a verified upload or a certificate reference), if it is provided. */
export function providedAt(line: MaterialLine | undefined): string | undefined {
  if (!line || line.status !== 'provided') return undefined;
  return line.source === 'upload' ? line.uploadedAt : line.referencedAt;
}

/** The verified file that provides a material, to show as already uploaded. */
export const providedFileName = (line: MaterialLine | undefined): string | undefined =>
  line?.status === 'provided' && line.source === 'upload' ? line.fileName : undefined;

/**
 * Whether a material named in a notice has been supplied since: being "provided" is not enough, because a notice
 * often names a file that was uploaded but is deficient (总平面图缺少比例尺); only a file provided after the notice
 * answers it.
 */
export function suppliedSince(line: MaterialLine | undefined, issuedAt: string): boolean {
  const at = providedAt(line);
  return at !== undefined && Date.parse(at) >= Date.parse(issuedAt);
}
