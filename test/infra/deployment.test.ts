import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { stringify } from 'yaml';
import { identitySettingsSchema } from '../../functions/shared/identity-settings';
import { deploymentNames, deploymentOf, loadDeployment } from '../../infra/deployment';

const defaultClaims = identitySettingsSchema.parse({
  citizen: { issuer: 'x', audiences: ['x'] },
  staff: { issuer: 'x', audiences: ['x'] },
});

const directories: string[] = [];
/** A deployments directory holding one file, `name.yaml`, with this content. */
function givenDeploymentFile(content: unknown, name = 'trial'): string {
  const directory = mkdtempSync(join(os.tmpdir(), 'deployments-'));
  directories.push(directory);
  writeFileSync(join(directory, `${name}.yaml`), typeof content === 'string' ? content : stringify(content), 'utf8');
  return directory;
}
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

const oidc = (issuer: string, audience: string) => ({ provider: 'oidc', issuer, audiences: [audience] });
const aChinaDeployment = () => ({
  partition: 'aws-cn',
  region: 'cn-north-1',
  identity: { citizen: oidc('https://id.province.example', 'portal'), staff: oidc('https://staff.county.example', 'workbench') },
  sms: { channel: 'http-gateway', url: 'https://sms.county.example/send' },
});

describe('given the deployment files of the repository', () => {
  it('then there are the global default and the Ningxia one, and both are valid', () => {
    expect(deploymentNames()).toEqual(expect.arrayContaining(['default', 'cn-northwest-1']));
    for (const name of deploymentNames()) expect(() => loadDeployment(name)).not.toThrow();
  });

  it('then the default signs both audiences in with Cognito in the aws partition and texts through SNS, in the CLI region', () => {
    const deployment = loadDeployment('default');
    expect(deployment).toMatchObject({ name: 'default', partition: 'aws', sms: { channel: 'sns' } });
    expect(deployment.region).toBeUndefined();
    expect(deployment.identity.citizen.provider).toBe('cognito');
    expect(deployment.identity.staff.provider).toBe('cognito');
  });

  it('then Ningxia is aws-cn with external issuers for citizens and staff, its own claim names over the defaults, and the SMS gateway', () => {
    const deployment = loadDeployment('cn-northwest-1');
    expect(deployment).toMatchObject({
      partition: 'aws-cn',
      region: 'cn-northwest-1',
      sms: { channel: 'http-gateway', url: expect.stringMatching(/^https:\/\//) },
    });
    const { citizen, staff } = deployment.identity;
    if (citizen.provider !== 'oidc' || staff.provider !== 'oidc') throw new Error('expected external issuers');
    expect(citizen.issuer).not.toBe(staff.issuer);
    expect(citizen.audiences.length).toBeGreaterThan(0);
    // names the file leaves out keep the defaults of functions/shared/identity-settings.ts
    expect(citizen.claims).toMatchObject({ subject: defaultClaims.citizen.claims.subject, name: defaultClaims.citizen.claims.name });
    expect(citizen.claims.trustLevel).not.toBe(defaultClaims.citizen.claims.trustLevel);
    expect(staff.claims.role).not.toBe(defaultClaims.staff.claims.role);
  });

  it('when no deployment is named on the command line, then the default is used; a name picks its file', () => {
    expect(deploymentOf(new App().node).name).toBe('default');
    expect(deploymentOf(new App({ context: { deployment: 'cn-northwest-1' } }).node).partition).toBe('aws-cn');
  });
});

describe('given a deployment file that is wrong', () => {
  it('when the named file does not exist, then the error names the file it looked for and the deployments there are', () => {
    expect(() => deploymentOf(new App({ context: { deployment: 'cn-north-9' } }).node)).toThrow(
      /deployment "cn-north-9": there is no config\/deployments\/cn-north-9\.yaml \(deployments: .*cn-northwest-1.*default/,
    );
  });

  it('when a value is wrong, then the error names the file and every problem with its path', () => {
    const directory = givenDeploymentFile({ ...aChinaDeployment(), identity: { citizen: oidc('http://id.example', 'portal'), staff: { provider: 'ldap' } } });
    let message = '';
    try {
      loadDeployment('trial', directory);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`${basename(directory)}/trial.yaml is not a valid deployment`);
    expect(message).toMatch(/identity\.citizen\.issuer: must be an https:\/\/ URL/);
    expect(message).toMatch(/identity\.staff\.provider/);
  });

  it('when a claim key is misspelt, then it is refused rather than silently left at its default', () => {
    const deployment = aChinaDeployment();
    const directory = givenDeploymentFile({
      ...deployment,
      identity: { ...deployment.identity, staff: { ...deployment.identity.staff, claims: { rol: 'roles' } } },
    });
    expect(() => loadDeployment('trial', directory)).toThrow(/identity\.staff\.claims: Unrecognized key: "rol"/);
  });

  it('when the aws-cn partition asks for Cognito or SNS text messages, which China does not offer, then the file is refused', () => {
    const directory = givenDeploymentFile({
      ...aChinaDeployment(),
      identity: { ...aChinaDeployment().identity, citizen: { provider: 'cognito', callbackUrls: ['https://portal.example/cb'] } },
      sms: { channel: 'sns' },
    });
    expect(() => loadDeployment('trial', directory)).toThrow(/identity\.citizen\.provider: Amazon Cognito user pools are not offered in the aws-cn partition/);
    expect(() => loadDeployment('trial', directory)).toThrow(/sms\.channel: SNS text messages are not offered in the aws-cn partition/);
  });

  it('when the partition and the region disagree, or aws-cn names no region, then the file is refused', () => {
    expect(() => loadDeployment('trial', givenDeploymentFile({ ...aChinaDeployment(), region: undefined }))).toThrow(
      /region: the aws-cn partition needs its region named/,
    );
    expect(() => loadDeployment('trial', givenDeploymentFile({ ...aChinaDeployment(), partition: 'aws' }))).toThrow(
      /partition: region cn-north-1 is in the aws-cn partition/,
    );
  });

  it('when a key is unknown or the file is not YAML, then it is refused with the file named', () => {
    expect(() => loadDeployment('trial', givenDeploymentFile({ ...aChinaDeployment(), regions: ['cn-north-1'] }))).toThrow(/Unrecognized key: "regions"/);
    expect(() => loadDeployment('trial', givenDeploymentFile('partition: [aws'))).toThrow(/trial\.yaml is not valid YAML/);
  });
});
