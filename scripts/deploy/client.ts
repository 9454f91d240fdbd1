// The few @cloudbase/manager-node methods the deploy calls, as an interface the
// executor takes: the real CloudBase manager satisfies it (checked by tsc below),
// and the tests pass a recording fake.
import type { ICreateFunctionParam, IUpdateFunctionCodeParam } from '@cloudbase/manager-node/types/function';
import type { CreateIndex, ICloudFunction, ICloudFunctionTrigger } from '@cloudbase/manager-node/types/interfaces';
import type { ModifyResourcePermissionOptions } from '@cloudbase/manager-node/types/permission/types';
import type { AclType, IStorageAclRule } from '@cloudbase/manager-node/types/storage';
import type { Credentials } from './credentials';

/** What GetFunction says about a trigger (TriggerDesc of a timer is `{"cron":"…"}`). */
export interface RemoteTrigger {
  TriggerName: string;
  Type: string;
  TriggerDesc: string;
}

export interface RemoteFunction {
  Runtime?: string;
  Triggers?: RemoteTrigger[];
}

export interface RemoteIndex {
  Name: string;
  Keys?: { Name?: string; Direction?: string }[];
  Unique?: boolean;
}

export interface ManagerClient {
  functions: {
    /** Throws with code ResourceNotFound.FunctionName (or .Function) when the function does not exist. */
    getFunctionDetail(name: string): Promise<RemoteFunction>;
    createFunction(param: ICreateFunctionParam): Promise<unknown>;
    updateFunctionCode(param: IUpdateFunctionCodeParam): Promise<unknown>;
    updateFunctionConfig(func: ICloudFunction): Promise<unknown>;
    waitFunctionActive(name: string): Promise<void>;
    createFunctionTriggers(name: string, triggers: ICloudFunctionTrigger[]): Promise<unknown>;
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>;
  };
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>;
    createCollection(name: string): Promise<unknown>;
    describeCollection(name: string): Promise<{ Indexes?: RemoteIndex[] }>;
    updateCollection(name: string, change: { CreateIndexes: CreateIndex[] }): Promise<unknown>;
  };
  permission: {
    modifyResourcePermission(options: ModifyResourcePermissionOptions): Promise<unknown>;
  };
  storage: {
    /** ModifyStorageSafeRule: the bucket's 自定义安全规则 when acl is CUSTOM. */
    setStorageAcl(acl: AclType, rule?: IStorageAclRule): Promise<unknown>;
  };
}

/** The real client. Loaded on demand so a dry run never loads the SDK. */
export async function createManagerClient(credentials: Credentials, envId: string): Promise<ManagerClient> {
  const { default: CloudBase } = await import('@cloudbase/manager-node');
  const manager = new CloudBase({ ...credentials, envId });
  return manager;
}
