import { StatesError } from "../errors.js";

/**
 * AWS SDK v3 clients for the service integrations (ASL-6.2), typed structurally so that the runtime imports no
 * client package: generated handlers import the client and command classes they use and hand them over.
 *
 * One client per client class (and per role of `Credentials.RoleArn`), built on first use and kept for the life of the
 * Lambda execution environment, as the SDK recommends.
 */

/** An SDK v3 command instance: what `client.send` accepts. */
export interface SdkCommand {
  readonly input: unknown;
}

/** An SDK v3 client: `send(command)` resolves with the command output or rejects with the service error. */
export interface SdkClient {
  send(command: SdkCommand): Promise<unknown>;
}

/** An SDK v3 client class, e.g. `S3Client`. */
export type ClientClass = new (config: Record<string, unknown>) => SdkClient;

/** An SDK v3 command class, e.g. `GetObjectCommand` (its input type is the command's own, hence `never` here). */
export type CommandClass = new (input: never) => SdkCommand;

/** `new Command(input)` for a command class typed structurally. */
export function newCommand(Command: CommandClass, input: object): SdkCommand {
  return new (Command as unknown as new (input: object) => SdkCommand)(input);
}

/** AWS credentials as the SDK's credential providers return them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CredentialsProvider = () => Promise<AwsCredentials>;

/** The STS client and AssumeRole command classes (`@aws-sdk/client-sts`), for `Credentials.RoleArn`. */
export interface AssumeRoleClasses {
  Sts: ClientClass;
  AssumeRole: CommandClass;
}

export interface ClientCacheOptions {
  /** Configuration given to every client built (region, endpoint, …); credentials are set per role. */
  clientConfig?: Record<string, unknown>;
  /** Needed to honour `Credentials.RoleArn`. */
  assumeRole?: AssumeRoleClasses;
  /** Clock for credential expiry, in epoch milliseconds (tests). */
  now?: () => number;
}

/** Credentials are refreshed this long before they expire (the SDK's own identity cache uses the same window). */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** The role session name Step Functions users see in CloudTrail for calls made under `Credentials.RoleArn`. */
export const ROLE_SESSION_NAME = "asl2durable";

/**
 * Clients by class and role, and assumed-role credentials by role. The runtime keeps one default cache
 * (`defaultClientCache`); tests build their own.
 */
export class ClientCache {
  private readonly plain = new Map<ClientClass, SdkClient>();
  private readonly byRole = new Map<ClientClass, Map<string, SdkClient>>();
  private readonly providers = new Map<string, CredentialsProvider>();

  constructor(private options: ClientCacheOptions = {}) {}

  /** Use these STS classes for `Credentials.RoleArn`, unless the cache was configured with its own. */
  assumeRolesWith(classes: AssumeRoleClasses): void {
    if (this.options.assumeRole === undefined) this.options = { ...this.options, assumeRole: classes };
  }

  /** The client of `Client`, with the execution's credentials or, given `roleArn`, the role's. */
  client(Client: ClientClass, roleArn?: string): SdkClient {
    if (roleArn === undefined) {
      let client = this.plain.get(Client);
      if (!client) {
        client = new Client({ ...this.options.clientConfig });
        this.plain.set(Client, client);
      }
      return client;
    }
    let clients = this.byRole.get(Client);
    if (!clients) {
      clients = new Map();
      this.byRole.set(Client, clients);
    }
    let client = clients.get(roleArn);
    if (!client) {
      client = new Client({ ...this.options.clientConfig, credentials: this.credentials(roleArn) });
      clients.set(roleArn, client);
    }
    return client;
  }

  /** The credentials provider of a role, shared by every client class that uses the role. */
  credentials(roleArn: string): CredentialsProvider {
    let provider = this.providers.get(roleArn);
    if (!provider) {
      const classes = this.options.assumeRole;
      if (!classes) {
        throw new StatesError("States.Runtime", `Credentials.RoleArn ${JSON.stringify(roleArn)} needs the STS client: pass assumeRole { Sts, AssumeRole } from @aws-sdk/client-sts`);
      }
      provider = assumeRoleCredentials(roleArn, this.client(classes.Sts), classes.AssumeRole, this.options.now ?? Date.now);
      this.providers.set(roleArn, provider);
    }
    return provider;
  }
}

/**
 * A provider of the credentials of `roleArn` (ASL-6.2 `Credentials.RoleArn`): STS AssumeRole, cached until
 * REFRESH_MARGIN_MS before they expire; concurrent callers share one STS call. A failure to assume the role fails the
 * task with `States.TaskFailed` (Step Functions' name for it is not documented; the cause names the role).
 */
export function assumeRoleCredentials(roleArn: string, sts: SdkClient, AssumeRole: CommandClass, now: () => number = Date.now): CredentialsProvider {
  let cached: AwsCredentials | undefined;
  let pending: Promise<AwsCredentials> | undefined;
  const fresh = (c: AwsCredentials | undefined): c is AwsCredentials =>
    c !== undefined && (c.expiration === undefined || c.expiration.getTime() - REFRESH_MARGIN_MS > now());
  return async () => {
    if (fresh(cached)) return cached;
    pending ??= (async () => {
      try {
        const output = (await sts.send(newCommand(AssumeRole, { RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME }))) as { Credentials?: StsCredentials };
        cached = toCredentials(roleArn, output.Credentials);
        return cached;
      } catch (e) {
        if (e instanceof StatesError) throw e;
        throw new StatesError("States.TaskFailed", `Could not assume role ${roleArn}: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        pending = undefined;
      }
    })();
    return pending;
  };
}

interface StsCredentials {
  AccessKeyId?: string;
  SecretAccessKey?: string;
  SessionToken?: string;
  Expiration?: Date;
}

function toCredentials(roleArn: string, c: StsCredentials | undefined): AwsCredentials {
  if (!c?.AccessKeyId || !c.SecretAccessKey) throw new StatesError("States.TaskFailed", `Could not assume role ${roleArn}: AssumeRole returned no credentials`);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    ...(c.SessionToken !== undefined ? { sessionToken: c.SessionToken } : {}),
    ...(c.Expiration !== undefined ? { expiration: c.Expiration } : {}),
  };
}

let defaultCache: ClientCache | undefined;

/** The runtime's shared cache; `configure` replaces it (call before the first task runs). */
export function defaultClientCache(): ClientCache {
  defaultCache ??= new ClientCache();
  return defaultCache;
}

/**
 * Give the shared cache the STS classes `Credentials.RoleArn` needs, keeping whatever else it was configured with
 * (generated modules call it when a Task has Credentials; it never replaces the user's configuration).
 */
export function assumeRolesWith(classes: AssumeRoleClasses): void {
  defaultClientCache().assumeRolesWith(classes);
}

/** Set the configuration of the shared cache (region, STS classes for `Credentials.RoleArn`, …). */
export function configureClients(options: ClientCacheOptions): ClientCache {
  defaultCache = new ClientCache(options);
  return defaultCache;
}
