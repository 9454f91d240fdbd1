// The contracts in typings/, read with the TypeScript compiler: for each cloud
// function's API interface (user → UserApi), each action's declared access level
// and which request fields are calendar days (DayKey) or instants (IsoDate). The
// generated suites take their expectations from here, not from the handler maps
// they test, so a handler that quietly changes who may call it is caught.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import type { Access } from '../../typings/common';

export interface ContractAction {
  /** null when the contract leaves the access level open (a contract error). */
  access: Access | null;
  /** Request field paths (dot-joined; array elements as "0") typed DayKey / IsoDate. */
  days: string[];
  datetimes: string[];
}

export interface Contract {
  api: string;
  actions: Record<string, ContractAction>;
}

const TYPINGS = resolve(__dirname, '../../typings');
const ACCESS: readonly Access[] = ['public', 'user', 'worker', 'member', 'admin', 'superadmin', 'timer'];

let cache: Map<string, Contract> | null = null;

/** The API interface a function's handlers satisfy: user → UserApi. */
export const apiNameOf = (fn: string) => `${fn[0]!.toUpperCase()}${fn.slice(1)}Api`;

/** Every `…Api` interface of typings/, by interface name. */
export function readContracts(): Map<string, Contract> {
  if (cache) return cache;
  const files = readdirSync(TYPINGS)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(TYPINGS, f));
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, noEmit: true });
  const checker = program.getTypeChecker();
  const out = new Map<string, Contract>();
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    source.forEachChild((node) => {
      if (!ts.isInterfaceDeclaration(node) || !/Api$/.test(node.name.text)) return;
      const actions: Record<string, ContractAction> = {};
      // Its own actions and those of the interfaces it extends (VolunteerApi = team + shop).
      for (const prop of checker.getPropertiesOfType(checker.getTypeAtLocation(node))) {
        const member = prop.declarations?.[0];
        if (!member || !ts.isPropertySignature(member)) continue;
        const name = prop.getName();
        const spec = checker.getTypeOfSymbolAtLocation(prop, member);
        actions[name] = {
          access: accessOf(checker, spec, member),
          ...timeFields(checker, propertyType(checker, spec, 'req', member), member),
        };
      }
      out.set(node.name.text, { api: node.name.text, actions });
    });
  }
  cache = out;
  return out;
}

/** The contract of one function, or undefined when typings/ has no such API. */
export function contractOf(fn: string): Contract | undefined {
  return readContracts().get(apiNameOf(fn));
}

function propertyType(checker: ts.TypeChecker, type: ts.Type, name: string, at: ts.Node): ts.Type | undefined {
  const prop = type.getProperty(name);
  return prop ? checker.getTypeOfSymbolAtLocation(prop, at) : undefined;
}

function accessOf(checker: ts.TypeChecker, spec: ts.Type, at: ts.Node): Access | null {
  const t = propertyType(checker, spec, 'access', at);
  if (!t || !t.isStringLiteral()) return null;
  return ACCESS.includes(t.value as Access) ? (t.value as Access) : null;
}

/** Fields declared DayKey or IsoDate (by the name written in the contract), recursively. */
function timeFields(checker: ts.TypeChecker, req: ts.Type | undefined, at: ts.Node) {
  const days: string[] = [];
  const datetimes: string[] = [];
  const visit = (type: ts.Type, path: string[], depth: number) => {
    if (depth > 6) return;
    for (const prop of checker.getPropertiesOfType(type)) {
      const decl = prop.declarations?.[0];
      const here = [...path, prop.getName()];
      const written = decl && ts.isPropertySignature(decl) && decl.type ? decl.type.getText() : '';
      const names = written.split('|').map((s) => s.trim().replace(/\[\]$/, ''));
      const isArray = /\[\]\s*(\||$)/.test(written);
      const key = (isArray ? [...here, '0'] : here).join('.');
      if (names.includes('DayKey')) days.push(key);
      else if (names.includes('IsoDate')) datetimes.push(key);
      else {
        const t = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(prop, at));
        const element = checker.isArrayType(t) ? checker.getTypeArguments(t as ts.TypeReference)[0] : undefined;
        if (element && element.getFlags() & ts.TypeFlags.Object) visit(element, [...here, '0'], depth + 1);
        else if (!element && t.getFlags() & ts.TypeFlags.Object) visit(t, here, depth + 1);
      }
    }
  };
  if (req) visit(req, [], 0);
  return { days, datetimes };
}

export { ACCESS };
