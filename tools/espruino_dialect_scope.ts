/**
 * The scope model of the Espruino dialect check: functions, scopes, bindings, and the globals a
 * `typeof X !== "undefined"` test proves present, so that a name is judged as the global only
 * where it is one. tools/espruino_dialect_walker.ts builds it as it walks.
 *
 * @module
 */

import type * as acorn from "npm:acorn@8.19.0";

/** Any node of acorn's AST. */
export type AnyNode = acorn.AnyNode;

/** A function (or the program) being walked. */
export interface FnInfo {
  /** Its node. */
  node: AnyNode;
  /** The function it sits in; null for the program. */
  parent: FnInfo | null;
  /** Scope that receives `var` declarations. */
  scope: Scope;
  /** Called before it returns (IIFE or a callback of a synchronous Array method). */
  sync: boolean;
  /** Runs as a class-field initialiser (`this` is wrong there on Espruino). */
  fieldInit: boolean;
}

/** What a class declares that static-inheritance checks need. */
export interface ClassInfo {
  /** Names of its own static members. */
  statics: Set<string>;
  /** The class it extends, when that is a plain name. */
  superName?: string;
  /** The scope the name of the class it extends is looked up in. */
  superScope?: Scope;
}

/** A declared name. */
export interface Binding {
  /** The name. */
  name: string;
  /** The function it was declared in. */
  fn: FnInfo;
  /** Offset of the declaration, for function declarations. */
  declStart: number;
  /** Declared by a function declaration (not hoisted on Espruino). */
  isFunctionDecl: boolean;
  /** Declared by `let`/`const` in a `for` head. */
  loopVar: boolean;
  /** Set when the name holds a class. */
  classInfo?: ClassInfo;
}

/** A block or function scope: its names, and the scope around it. */
export class Scope {
  /** Names declared here. */
  readonly vars = new Map<string, Binding>();

  /** Creates a scope inside `parent` (null for the program). */
  constructor(readonly parent: Scope | null) {}

  /** The binding `name` refers to here, or undefined for a global. */
  lookup(name: string): Binding | undefined {
    const own = this.vars.get(name);
    if (own) return own;
    for (let s = this.parent; s; s = s.parent) {
      const b = s.vars.get(name);
      if (b) return b;
    }
    return undefined;
  }
}

/** Where the walk is: the scope, the function, and the globals proven present. */
export interface Ctx {
  /** The innermost scope. */
  scope: Scope;
  /** The innermost function. */
  fn: FnInfo;
  /** Global names proven present by an enclosing `typeof X !== "undefined"` test. */
  guards: ReadonlySet<string>;
}

/** A use of a name, resolved after the walk when every declaration is known. */
export interface Reference {
  /** The identifier used. */
  id: acorn.Identifier;
  /** The scope it is used in. */
  scope: Scope;
  /** The function it is used in. */
  fn: FnInfo;
}

/** No guards: the start of a walk. */
export const NO_GUARDS: ReadonlySet<string> = new Set();

/** True for an AST node (an object with a string `type`). */
export function isNode(value: unknown): value is AnyNode {
  return typeof value === "object" && value !== null &&
    typeof (value as { type?: unknown }).type === "string";
}

/** The name of a member `a.b` or `a["b"]`; undefined when computed otherwise. */
export function propertyName(node: acorn.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (
    node.computed && node.property.type === "Literal" && typeof node.property.value === "string"
  ) {
    return node.property.value;
  }
  return undefined;
}

/** True for `null`, `undefined` and `void …`. */
export function isNullish(node: AnyNode): boolean {
  return (node.type === "Literal" && node.value === null && !node.regex) ||
    (node.type === "Identifier" && node.name === "undefined") ||
    (node.type === "UnaryExpression" && node.operator === "void");
}

/** Names a test proves present (`whenTrue`) or absent (`whenFalse`). */
export function typeofGuards(test: AnyNode): { whenTrue: string[]; whenFalse: string[] } {
  if (test.type === "UnaryExpression" && test.operator === "!") {
    const inner = typeofGuards(test.argument);
    return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
  }
  if (test.type === "LogicalExpression") {
    const left = typeofGuards(test.left);
    const right = typeofGuards(test.right);
    if (test.operator === "&&") {
      return { whenTrue: [...left.whenTrue, ...right.whenTrue], whenFalse: [] };
    }
    if (test.operator === "||") {
      return { whenTrue: [], whenFalse: [...left.whenFalse, ...right.whenFalse] };
    }
    return { whenTrue: [], whenFalse: [] };
  }
  if (test.type === "BinaryExpression" && ["==", "===", "!=", "!=="].includes(test.operator)) {
    let typeofArg: AnyNode | undefined;
    let literal: unknown;
    if (test.left.type === "UnaryExpression" && test.left.operator === "typeof") {
      typeofArg = test.left.argument;
      literal = test.right.type === "Literal" ? test.right.value : undefined;
    } else if (test.right.type === "UnaryExpression" && test.right.operator === "typeof") {
      typeofArg = test.right.argument;
      literal = test.left.type === "Literal" ? test.left.value : undefined;
    }
    if (typeofArg?.type !== "Identifier" || typeof literal !== "string") {
      return { whenTrue: [], whenFalse: [] };
    }
    const equal = test.operator === "==" || test.operator === "===";
    const present = literal !== "undefined";
    return equal === present
      ? { whenTrue: [typeofArg.name], whenFalse: [] }
      : { whenTrue: [], whenFalse: [typeofArg.name] };
  }
  return { whenTrue: [], whenFalse: [] };
}

/** The context with `names` proven present, for the branch a test guards. */
export function withGuards(ctx: Ctx, names: string[]): Ctx {
  if (names.length === 0) return ctx;
  return { ...ctx, guards: new Set([...ctx.guards, ...names]) };
}
