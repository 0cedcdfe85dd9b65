import { createHash, generateKeyPairSync, type KeyObject, createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { CertificateSigner } from '../domain/ports';
import { ed25519KeyFromSeed, publicKeyDer } from '../domain/verification';

/** Signs with an Ed25519 private key obtained once per process. */
abstract class Ed25519Signer implements CertificateSigner {
  private key: Promise<KeyObject> | undefined;

  protected abstract loadKey(): Promise<KeyObject>;

  private privateKey(): Promise<KeyObject> {
    // a failed load is not cached: the next call tries again
    this.key ??= this.loadKey().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  async sign(bytes: Uint8Array): Promise<Uint8Array> {
    return sign(null, bytes, await this.privateKey());
  }

  async publicKey(): Promise<Buffer> {
    return publicKeyDer(await this.privateKey());
  }
}

/**
 * The local platform's key: a PKCS#8 PEM file, generated on first use with owner-only permissions.
 * `wx` makes the creation exclusive, so two processes starting together end up with one key.
 */
export class KeyFileSigner extends Ed25519Signer {
  constructor(private readonly path: string) {
    super();
  }

  protected async loadKey(): Promise<KeyObject> {
    try {
      return createPrivateKey(readFileSync(this.path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(this.path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      return privateKey;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return createPrivateKey(readFileSync(this.path));
    }
  }
}

/**
 * On AWS: the seed is the SHA-256 of a Secrets Manager secret string generated at deploy time, so
 * the private key never exists outside the function's memory and is the same in every function.
 */
export class SecretsManagerSigner extends Ed25519Signer {
  constructor(
    private readonly secrets: SecretsManagerClient,
    private readonly secretId: string,
  ) {
    super();
  }

  protected async loadKey(): Promise<KeyObject> {
    const secret = await this.secrets.send(new GetSecretValueCommand({ SecretId: this.secretId }));
    if (!secret.SecretString) throw new Error('the certificate signing secret has no string value');
    return ed25519KeyFromSeed(createHash('sha256').update(secret.SecretString, 'utf8').digest());
  }
}
