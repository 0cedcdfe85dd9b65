/**
 * What every deadline counted over a provisional year says (the State Council notice of that year is
 * not out yet, so the days come from the holiday law's Articles 2 and 6). One wording everywhere.
 */
export const PROVISIONAL_NOTE = '节假日安排尚未公布，期限按法定节假日暂算，公布后自动重算';

export const PROVISIONAL_NOTE_EN =
  'The holiday arrangement is not published yet: the deadline is counted on the statutory holidays for now and recomputed automatically once it is published';
