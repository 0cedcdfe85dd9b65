/**
 * A small but well-formed one-page PDF, its text naming what it stands for (so each upload is its own object): what the
 * drill, the conformance suite and the tests upload as a material. The materials context checks the PDF signature.
 */
export const aOnePagePdf = (title: string): Buffer =>
  Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj',
      '2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj',
      '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj',
      `% ${title}`,
      'trailer <</Root 1 0 R>>',
      '%%EOF',
      '',
    ].join('\n'),
  );
