import { S3Client } from '@aws-sdk/client-s3';
import { S3MaterialStore } from '../../functions/materials/adapters/s3-material-store';

// presigning is local computation: a region and any credentials are enough, nothing goes to the network
process.env.AWS_REGION = 'cn-northwest-1';
process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
process.env.AWS_SECRET_ACCESS_KEY = 'not-a-secret';

// required after the environment is set, as Lambda builds the shared client at import
const { s3: platformS3Client } = require('../../functions/shared/clients') as typeof import('../../functions/shared/clients');

const KEY = '522732/01M851TX2Q09H4XXEDYSTXJVQW/DESIGN_SCHEME/01M851TX2QZ0000000000000U1';
const bucket = () => 'tongban-materials-000000000000-cn-northwest-1';
const checksumParameters = (url: string) =>
  [...new URL(url).searchParams.keys()].filter(
    (name) => name.toLowerCase().startsWith('x-amz-checksum') || name.toLowerCase() === 'x-amz-sdk-checksum-algorithm',
  );

describe('given the materials store on the platform S3 client', () => {
  const store = new S3MaterialStore(platformS3Client, bucket);

  it('when an upload URL is presigned then it carries no x-amz-checksum parameter, which real S3 would check against the body', async () => {
    const put = await store.presignPut(KEY, { contentType: 'application/pdf', sizeBytes: 2048 }, 900);
    expect(checksumParameters(put.url)).toEqual([]);
    expect(new URL(put.url).searchParams.get('X-Amz-Expires')).toBe('900');
  });

  it('then the upload URL is signed with the content type, the length and no-overwrite, and says which headers to send', async () => {
    const put = await store.presignPut(KEY, { contentType: 'application/pdf', sizeBytes: 2048 }, 900);
    expect(new URL(put.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'content-type', 'host', 'if-none-match']);
    expect(put.headers).toEqual({ 'content-type': 'application/pdf', 'if-none-match': '*' });
    expect(new URL(put.url).pathname).toBe(`/${KEY}`);
  });

  it('when a download URL is presigned then it forces an attachment of the verified type under the UTF-8 file name', async () => {
    const url = new URL(await store.presignGet(KEY, { fileName: '设计方案.pdf', contentType: 'application/pdf' }, 300));
    expect(checksumParameters(url.toString())).toEqual([]);
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      `attachment; filename="material.pdf"; filename*=UTF-8''${encodeURIComponent('设计方案.pdf')}`,
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
  });
});

describe('given an S3 client left on the SDK default checksum setting', () => {
  it('then its presigned upload URL embeds an empty-body CRC32, which is why the platform client computes checksums only when required', async () => {
    const put = await new S3MaterialStore(new S3Client({}), bucket).presignPut(KEY, { contentType: 'application/pdf', sizeBytes: 2048 }, 900);
    expect(checksumParameters(put.url)).toContain('x-amz-checksum-crc32');
  });
});
