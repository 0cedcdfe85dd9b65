/**
 * The Chinese half of a bilingual text of the guide (`受理 / acceptance`): the API writes some guide texts in both
 * languages, and citizens are shown Chinese only.
 */
export function chineseOnly(bilingual: string): string {
  return bilingual.split(' / ')[0].trim();
}
