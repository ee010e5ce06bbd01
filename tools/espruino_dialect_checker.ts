/**
 * The judgements of the Espruino dialect check: given a node met by the walk (and the scope it
 * sits in), what is wrong with it on Espruino and what to write instead. Checks that depend on
 * whether a name is the global wait until the walk has seen every declaration. The tables are
 * tools/espruino_dialect_rules.ts; the walk is tools/espruino_dialect_walker.ts.
 *
 * @module
 */

import type * as acorn from "npm:acorn@8.19.0";
import {
  MISSING_GLOBALS,
  MISSING_METHODS,
  MISSING_STATICS,
  regexIssues,
  RESERVED_ON_ESPRUINO,
  SYNTAX_HINTS,
  type SyntaxConstruct,
  UNSUBCLASSABLE,
} from "./espruino_dialect_rules.ts";
import {
  type AnyNode,
  type ClassInfo,
  type FnInfo,
  isNullish,
  propertyName,
  type Reference,
  type Scope,
} from "./espruino_dialect_scope.ts";

/** One construct Espruino cannot run as written. */
export interface DialectProblem {
  /** 1-based line of the construct. */
  line: number;
  /** 1-based column of the construct. */
  column: number;
  /** Short name of the construct, e.g. `"default parameter"` or `"Map"`. */
  construct: string;
  /** What goes wrong on the device and what to write instead. */
  hint: string;
}

/** True when `name` at `scope` is the global, not a local binding. */
function isGlobal(name: string, scope: Scope): boolean {
  return scope.lookup(name) === undefined;
}

/** Collects the problems of one program, each reported once, and lists them in source order. */
export class DialectChecker {
  #problems: DialectProblem[] = [];
  #reported = new Set<string>();
  #references: Reference[] = [];
  /** Checks that need every declaration known first (run by {@linkcode finish}). */
  #deferred: (() => void)[] = [];

  /** Every problem found, in source order, once the deferred checks have run. */
  finish(): DialectProblem[] {
    for (const ref of this.#references) this.#checkReference(ref);
    for (const check of this.#deferred) check();
    return this.#problems.sort((a, b) => a.line - b.line || a.column - b.column);
  }

  #report(node: AnyNode, construct: string, hint: string): void {
    const start = node.loc?.start ?? { line: 1, column: 0 };
    const key = `${node.start}:${construct}`;
    if (this.#reported.has(key)) return;
    this.#reported.add(key);
    this.#problems.push({ line: start.line, column: start.column + 1, construct, hint });
  }

  /** Reports syntax Espruino cannot parse. */
  syntax(node: AnyNode, construct: SyntaxConstruct): void {
    this.#report(node, construct, SYNTAX_HINTS[construct]);
  }

  /** A name declared or used: flags Espruino's extra reserved words. */
  identifierName(id: acorn.Identifier): void {
    if (RESERVED_ON_ESPRUINO.has(id.name)) {
      this.#report(
        id,
        `identifier named "${id.name}"`,
        `\`${id.name}\` is a reserved word on Espruino; rename it`,
      );
    }
  }

  /** A name used: checked after the walk for use before its function declaration and for a
   * closure over a loop variable. */
  reference(ref: Reference): void {
    this.#references.push(ref);
  }

  /** A name read as a value: flagged when it is a global Espruino lacks and nothing guards it. */
  globalName(node: acorn.Identifier, scope: Scope, guards: ReadonlySet<string>): void {
    if (guards.has(node.name) || !MISSING_GLOBALS.has(node.name)) return;
    this.#deferred.push(() => {
      if (isGlobal(node.name, scope)) {
        this.#report(node, node.name, `missing on Espruino; ${MISSING_GLOBALS.get(node.name)}`);
      }
    });
  }

  /** A regular-expression literal. */
  regexLiteral(node: acorn.Literal, regex: { pattern: string; flags: string }): void {
    for (const issue of regexIssues(regex.pattern, regex.flags)) {
      this.#report(node, issue.construct, issue.hint);
    }
  }

  /** `class … extends superClass`: built-in errors and Array cannot be subclassed. */
  superClass(superClass: acorn.Identifier, scope: Scope): void {
    if (!UNSUBCLASSABLE.has(superClass.name)) return;
    this.#deferred.push(() => {
      if (isGlobal(superClass.name, scope)) {
        this.#report(
          superClass,
          `extends ${superClass.name}`,
          `subclasses of ${superClass.name} do not work on Espruino; ` +
            (superClass.name === "Array"
              ? "wrap an array in a plain class"
              : "throw a plain Error and set fields on it (e.g. `err.code`)"),
        );
      }
    });
  }

  /** A call or `new`, once its callee is walked: missing methods, JSON and RegExp arguments. */
  call(node: acorn.CallExpression | acorn.NewExpression, scope: Scope): void {
    const callee = node.callee;
    if (callee.type === "MemberExpression") {
      const name = propertyName(callee);
      if (name !== undefined) {
        const hint = MISSING_METHODS.get(name);
        if (hint && node.type === "CallExpression") {
          this.#report(callee.property, `.${name}()`, hint);
        }
        if (callee.object.type === "Identifier" && callee.object.name === "JSON") {
          this.#checkJson(node, name, scope);
        }
      }
    }
    if (callee.type === "Identifier" && callee.name === "RegExp") {
      this.#checkRegExpCall(node, scope);
    }
  }

  #checkJson(node: acorn.CallExpression | acorn.NewExpression, name: string, scope: Scope): void {
    const second = node.arguments[1];
    if ((name !== "stringify" && name !== "parse") || !second || isNullish(second)) return;
    this.#deferred.push(() => {
      if (!isGlobal("JSON", scope)) return;
      if (name === "stringify") {
        this.#report(
          second,
          "JSON.stringify replacer",
          "Espruino ignores the replacer; transform the value before stringifying",
        );
      } else {
        this.#report(
          second,
          "JSON.parse reviver",
          "Espruino ignores the reviver; transform the value after parsing",
        );
      }
    });
  }

  #checkRegExpCall(node: acorn.CallExpression | acorn.NewExpression, scope: Scope): void {
    const [source, flags] = node.arguments;
    const text = (n: AnyNode | undefined): string | undefined => {
      if (!n) return "";
      if (n.type === "Literal" && typeof n.value === "string") return n.value;
      if (n.type === "TemplateLiteral" && n.expressions.length === 0) {
        return n.quasis[0].value.cooked ?? undefined;
      }
      return undefined;
    };
    const pattern = text(source);
    const flagText = text(flags);
    if (pattern === undefined || flagText === undefined || !source) return;
    this.#deferred.push(() => {
      if (!isGlobal("RegExp", scope)) return;
      for (const issue of regexIssues(pattern, flagText)) {
        this.#report(source, issue.construct, issue.hint);
      }
    });
  }

  /**
   * A member `object.name` read: static members Espruino lacks, static members a class only
   * inherits, and `Array.prototype.slice`.
   */
  member(node: acorn.MemberExpression, scope: Scope, guards: ReadonlySet<string>): void {
    const name = propertyName(node);
    if (name === undefined) return;
    const object = node.object;
    if (object.type === "Identifier") {
      const hint = MISSING_STATICS.get(object.name)?.get(name);
      if (hint && !guards.has(object.name)) {
        this.#deferred.push(() => {
          if (isGlobal(object.name, scope)) {
            this.#report(node, `${object.name}.${name}`, `missing on Espruino; ${hint}`);
          }
        });
      }
      this.#deferred.push(() => this.#checkInheritedStatic(node, object.name, name, scope));
    }
    if (
      name === "slice" && object.type === "MemberExpression" &&
      propertyName(object) === "prototype" &&
      object.object.type === "Identifier" && object.object.name === "Array"
    ) {
      this.#deferred.push(() => {
        if (isGlobal("Array", scope)) {
          this.#report(
            node,
            "Array.prototype.slice",
            "`Array.prototype.slice` is undefined on Espruino; use `[].slice.call(…)`",
          );
        }
      });
    }
  }

  #checkInheritedStatic(node: AnyNode, className: string, member: string, scope: Scope): void {
    const binding = scope.lookup(className);
    let info = binding?.classInfo;
    if (!info || info.statics.has(member)) return;
    const seen = new Set<ClassInfo>();
    while (info?.superName && info.superScope && !seen.has(info)) {
      seen.add(info);
      const parent: ClassInfo | undefined = info.superScope.lookup(info.superName)?.classInfo;
      if (parent?.statics.has(member)) {
        this.#report(
          node,
          "inherited static method",
          `static members are not inherited on Espruino: ${className}.${member} is undefined ` +
            `there; call ${info.superName}.${member} or redeclare it`,
        );
        return;
      }
      info = parent;
    }
  }

  /** `this` in a function: wrong on Espruino inside a class-field initialiser. */
  thisExpression(node: acorn.ThisExpression, fn: FnInfo): void {
    if (!fn.fieldInit) return;
    this.#report(
      node,
      "this in class field",
      "`this` inside a class-field initialiser is wrong on Espruino; " +
        "assign the field in the constructor",
    );
  }

  #checkReference(ref: Reference): void {
    const binding = ref.scope.lookup(ref.id.name);
    if (!binding) return;
    if (
      binding.isFunctionDecl && ref.fn === binding.fn && ref.id.start < binding.declStart
    ) {
      this.#report(
        ref.id,
        "function used before declaration",
        `function declarations are not hoisted on Espruino: \`${ref.id.name}\` is undefined ` +
          "here; move its declaration above this use",
      );
    }
    if (binding.loopVar && ref.fn !== binding.fn) {
      // Find the closure created directly inside the loop that outlives the iteration.
      let escaping: FnInfo | undefined;
      for (let f: FnInfo | null = ref.fn; f && f !== binding.fn; f = f.parent) {
        if (!f.sync) escaping = f;
      }
      if (escaping) {
        this.#report(
          escaping.node,
          "closure over loop variable",
          `on Espruino every closure over the loop variable \`${binding.name}\` sees its last ` +
            "value; copy it into a function parameter (e.g. call a helper with it)",
        );
      }
    }
  }
}
