import type { Schema } from '@/api/client';

/** The release of a completed case (CaseRelease once it is due): awaiting a choice, chosen, or delivered. */
export type DueRelease = Exclude<Schema<'CaseView'>['release'], { status: 'not_due' }>;

export const isDue = (release: Schema<'CaseView'>['release']): release is DueRelease => release.status !== 'not_due';
