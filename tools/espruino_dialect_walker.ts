/**
 * The walk of the Espruino dialect check: visits every node of a program once, keeps the scopes,
 * functions and `typeof` guards it is in (tools/espruino_dialect_scope.ts), and hands each node
 * that matters to the checker (tools/espruino_dialect_checker.ts), which says what is wrong.
 *
 * @module
 */

import type * as acorn from "npm:acorn@8.19.0";
import { DialectChecker, type DialectProblem } from "./espruino_dialect_checker.ts";
import { SYNC_CALLBACK_METHODS, type SyntaxConstruct } from "./espruino_dialect_rules.ts";
import {
  type AnyNode,
  type Binding,
  type ClassInfo,
  type Ctx,
  type FnInfo,
  isNode,
  NO_GUARDS,
  propertyName,
  Scope,
  typeofGuards,
  withGuards,
} from "./espruino_dialect_scope.ts";

/** Nodes that are syntax Espruino cannot parse and whose children are walked as any others'. */
const SYNTAX_NODES: Partial<Record<AnyNode["type"], SyntaxConstruct>> = {
  TaggedTemplateExpression: "tagged template",
  AwaitExpression: "await",
  ImportExpression: "dynamic import",
};

/**
 * Every construct of a parsed program that Espruino cannot run as written.
 *
 * @param program A script parsed by acorn with `locations: true`.
 * @returns Problems in source order; empty when the program is fine.
 */
export function walkProgram(program: acorn.Program): DialectProblem[] {
  return new Walker().run(program);
}

class Walker {
  readonly #check = new DialectChecker();

  run(program: acorn.Program): DialectProblem[] {
    const scope = new Scope(null);
    const fn: FnInfo = { node: program, parent: null, scope, sync: false, fieldInit: false };
    const ctx: Ctx = { scope, fn, guards: NO_GUARDS };
    for (const statement of program.body) this.#visit(statement, ctx);
    return this.#check.finish();
  }

  #declare(name: string, scope: Scope, fn: FnInfo, extra: Partial<Binding> = {}): Binding {
    const binding: Binding = {
      name,
      fn,
      declStart: -1,
      isFunctionDecl: false,
      loopVar: false,
      ...extra,
    };
    scope.vars.set(name, binding);
    return binding;
  }

  /** Declares the names bound by a pattern, flagging destructuring and defaults. */
  #bindPattern(
    pattern: acorn.Pattern,
    ctx: Ctx,
    target: Scope,
    extra: Partial<Binding> = {},
  ): void {
    switch (pattern.type) {
      case "Identifier":
        this.#check.identifierName(pattern);
        this.#declare(pattern.name, target, ctx.fn, extra);
        return;
      case "ObjectPattern":
        this.#check.syntax(pattern, "destructuring");
        for (const prop of pattern.properties) {
          if (prop.type === "RestElement") {
            this.#bindPattern(prop.argument, ctx, target, extra);
          } else {
            if (prop.computed) this.#visit(prop.key, ctx);
            this.#bindPattern(prop.value, ctx, target, extra);
          }
        }
        return;
      case "ArrayPattern":
        this.#check.syntax(pattern, "destructuring");
        for (const element of pattern.elements) {
          if (element) this.#bindPattern(element, ctx, target, extra);
        }
        return;
      case "RestElement":
        this.#bindPattern(pattern.argument, ctx, target, extra);
        return;
      case "AssignmentPattern":
        this.#visit(pattern.right, ctx);
        this.#bindPattern(pattern.left, ctx, target, extra);
        return;
      case "MemberExpression":
        this.#visit(pattern, ctx);
        return;
    }
  }

  /** Visits an assignment target (`=` left side, `for (x of …)` head). */
  #assignTarget(pattern: acorn.Pattern, ctx: Ctx): void {
    switch (pattern.type) {
      case "ObjectPattern":
        this.#check.syntax(pattern, "destructuring");
        for (const prop of pattern.properties) {
          if (prop.type === "RestElement") this.#assignTarget(prop.argument, ctx);
          else {
            if (prop.computed) this.#visit(prop.key, ctx);
            this.#assignTarget(prop.value, ctx);
          }
        }
        return;
      case "ArrayPattern":
        this.#check.syntax(pattern, "destructuring");
        for (const element of pattern.elements) if (element) this.#assignTarget(element, ctx);
        return;
      case "RestElement":
        this.#assignTarget(pattern.argument, ctx);
        return;
      case "AssignmentPattern":
        this.#visit(pattern.right, ctx);
        this.#assignTarget(pattern.left, ctx);
        return;
      default:
        this.#visit(pattern, ctx);
    }
  }

  #declareVariables(decl: acorn.VariableDeclaration, ctx: Ctx, loopVar: boolean): void {
    const target = decl.kind === "var" ? ctx.fn.scope : ctx.scope;
    for (const declarator of decl.declarations) {
      const extra: Partial<Binding> = { loopVar: loopVar && decl.kind !== "var" };
      if (declarator.id.type === "Identifier" && declarator.init?.type === "ClassExpression") {
        extra.classInfo = this.#classInfo(declarator.init, ctx);
      }
      this.#bindPattern(declarator.id, ctx, target, extra);
      if (declarator.init) this.#visit(declarator.init, ctx);
    }
  }

  #classInfo(node: acorn.Class, ctx: Ctx): ClassInfo {
    const statics = new Set<string>();
    for (const member of node.body.body) {
      if (
        (member.type === "MethodDefinition" || member.type === "PropertyDefinition") &&
        member.static && !member.computed && member.key.type === "Identifier"
      ) {
        statics.add(member.key.name);
      }
    }
    const info: ClassInfo = { statics };
    if (node.superClass?.type === "Identifier") {
      info.superName = node.superClass.name;
      info.superScope = ctx.scope;
    }
    return info;
  }

  /** Visits a function: its own scope, parameters and body. */
  #visitFunction(node: acorn.Function & AnyNode, ctx: Ctx, sync: boolean): void {
    if (node.generator) this.#check.syntax(node, "generator");
    if (node.async) this.#check.syntax(node, "async function");
    let outer = ctx.scope;
    if (node.type === "FunctionExpression" && node.id) {
      // A function expression's own name is visible only inside it.
      outer = new Scope(ctx.scope);
      this.#check.identifierName(node.id);
      this.#declare(node.id.name, outer, ctx.fn);
    }
    const scope = new Scope(outer);
    const fn: FnInfo = {
      node,
      parent: ctx.fn,
      scope,
      sync,
      // Arrow functions share `this` with the initialiser they sit in.
      fieldInit: node.type === "ArrowFunctionExpression" && ctx.fn.fieldInit,
    };
    const inner: Ctx = { scope, fn, guards: ctx.guards };
    for (const param of node.params) {
      if (param.type === "AssignmentPattern") this.#check.syntax(param, "default parameter");
      if (param.type === "RestElement") this.#check.syntax(param, "rest parameter");
      this.#bindPattern(param, inner, scope);
    }
    if (node.body.type === "BlockStatement") {
      for (const statement of node.body.body) this.#visit(statement, inner);
    } else {
      this.#visit(node.body, inner);
    }
  }

  #visitClass(node: acorn.Class & AnyNode, ctx: Ctx): void {
    if (node.superClass) {
      this.#visit(node.superClass, ctx);
      if (node.superClass.type === "Identifier") this.#check.superClass(node.superClass, ctx.scope);
    }
    let scope = ctx.scope;
    if (node.type === "ClassExpression" && node.id) {
      scope = new Scope(ctx.scope);
      this.#check.identifierName(node.id);
      this.#declare(node.id.name, scope, ctx.fn, { classInfo: this.#classInfo(node, ctx) });
    }
    const classCtx: Ctx = { ...ctx, scope };
    for (const member of node.body.body) {
      if (member.type === "StaticBlock") {
        this.#check.syntax(member, "class static block");
        const fn: FnInfo = { node: member, parent: ctx.fn, scope, sync: true, fieldInit: false };
        for (const statement of member.body) {
          this.#visit(statement, { scope, fn, guards: ctx.guards });
        }
        continue;
      }
      if (member.key.type === "PrivateIdentifier") this.#check.syntax(member.key, "#private");
      if (member.computed) {
        this.#check.syntax(member.key, "computed key");
        this.#visit(member.key, classCtx);
      }
      if (member.type === "MethodDefinition") {
        this.#visitFunction(member.value, classCtx, false);
      } else if (member.value) {
        // A field initialiser runs later, at construction, like a small function.
        const fn: FnInfo = {
          node: member,
          parent: ctx.fn,
          scope: new Scope(scope),
          sync: false,
          fieldInit: true,
        };
        this.#visit(member.value, { scope: fn.scope, fn, guards: ctx.guards });
      }
    }
  }

  #visitBody(statements: AnyNode[], ctx: Ctx): void {
    for (const statement of statements) this.#visit(statement, ctx);
  }

  /** Generic traversal for node types without special meaning. */
  #visitChildren(node: AnyNode, ctx: Ctx): void {
    for (const key in node) {
      if (key === "loc" || key === "type" || key === "start" || key === "end") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) this.#visit(item, ctx);
      } else if (isNode(value)) {
        this.#visit(value, ctx);
      }
    }
  }

  #visitArguments(args: Array<acorn.Expression | acorn.SpreadElement>, ctx: Ctx): void {
    for (const arg of args) {
      if (arg.type === "SpreadElement") {
        this.#check.syntax(arg, "spread in call");
        this.#visit(arg.argument, ctx);
      } else {
        this.#visit(arg, ctx);
      }
    }
  }

  #visitCall(node: acorn.CallExpression | acorn.NewExpression, ctx: Ctx): void {
    const callee = node.callee;
    if (callee.type === "FunctionExpression" || callee.type === "ArrowFunctionExpression") {
      this.#visitFunction(callee, ctx, true); // IIFE: runs right away
    } else {
      this.#visit(callee, ctx);
    }
    this.#check.call(node, ctx.scope);
    const name = callee.type === "MemberExpression" ? propertyName(callee) : undefined;
    const syncCallbacks = name !== undefined && SYNC_CALLBACK_METHODS.has(name);
    for (const arg of node.arguments) {
      if (
        syncCallbacks &&
        (arg.type === "FunctionExpression" || arg.type === "ArrowFunctionExpression")
      ) {
        this.#visitFunction(arg, ctx, true);
      } else {
        this.#visitArguments([arg], ctx);
      }
    }
  }

  #visitMember(node: acorn.MemberExpression, ctx: Ctx): void {
    if (node.property.type === "PrivateIdentifier") this.#check.syntax(node.property, "#private");
    if (node.optional) this.#check.syntax(node, "optional chaining");
    this.#visit(node.object, ctx);
    if (node.computed) this.#visit(node.property, ctx);
    this.#check.member(node, ctx.scope, ctx.guards);
  }

  #visitLoop(
    node: acorn.ForStatement | acorn.ForInStatement | acorn.ForOfStatement,
    ctx: Ctx,
  ): void {
    const scope = new Scope(ctx.scope);
    const inner: Ctx = { ...ctx, scope };
    if (node.type === "ForStatement") {
      if (node.init?.type === "VariableDeclaration") this.#declareVariables(node.init, inner, true);
      else if (node.init) this.#visit(node.init, inner);
      if (node.test) this.#visit(node.test, inner);
      if (node.update) this.#visit(node.update, inner);
    } else {
      if (node.type === "ForOfStatement" && node.await) this.#check.syntax(node, "for await");
      this.#visit(node.right, ctx);
      if (node.left.type === "VariableDeclaration") this.#declareVariables(node.left, inner, true);
      else this.#assignTarget(node.left, inner);
    }
    this.#visit(node.body, inner);
  }

  #visit(node: AnyNode, ctx: Ctx): void {
    switch (node.type) {
      case "Identifier":
        this.#check.identifierName(node);
        this.#check.reference({ id: node, scope: ctx.scope, fn: ctx.fn });
        this.#check.globalName(node, ctx.scope, ctx.guards);
        return;
      case "Literal":
        if (node.regex) {
          this.#check.regexLiteral(node, node.regex);
        } else if (node.bigint !== undefined) {
          this.#check.syntax(node, "BigInt literal");
        } else if (typeof node.value === "number" && node.raw?.includes("_")) {
          this.#check.syntax(node, "numeric separator");
        }
        return;
      case "VariableDeclaration":
        this.#declareVariables(node, ctx, false);
        return;
      case "FunctionDeclaration": {
        if (node.id) {
          this.#check.identifierName(node.id);
          const extra = { declStart: node.start, isFunctionDecl: true };
          const binding = this.#declare(node.id.name, ctx.scope, ctx.fn, extra);
          // Sloppy-mode scripts also make a block's function visible to the whole function.
          if (ctx.scope !== ctx.fn.scope && !ctx.fn.scope.vars.has(node.id.name)) {
            ctx.fn.scope.vars.set(node.id.name, binding);
          }
        }
        this.#visitFunction(node, ctx, false);
        return;
      }
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        this.#visitFunction(node, ctx, false);
        return;
      case "ClassDeclaration":
        if (node.id) {
          this.#check.identifierName(node.id);
          this.#declare(node.id.name, ctx.scope, ctx.fn, { classInfo: this.#classInfo(node, ctx) });
        }
        this.#visitClass(node, ctx);
        return;
      case "ClassExpression":
        this.#visitClass(node, ctx);
        return;
      case "BlockStatement":
        this.#visitBody(node.body, { ...ctx, scope: new Scope(ctx.scope) });
        return;
      case "SwitchStatement": {
        this.#visit(node.discriminant, ctx);
        const inner = { ...ctx, scope: new Scope(ctx.scope) };
        for (const c of node.cases) {
          if (c.test) this.#visit(c.test, inner);
          this.#visitBody(c.consequent, inner);
        }
        return;
      }
      case "TryStatement":
        this.#visit(node.block, ctx);
        if (node.handler) {
          const scope = new Scope(ctx.scope);
          const inner = { ...ctx, scope };
          if (node.handler.param) this.#bindPattern(node.handler.param, inner, scope);
          this.#visitBody(node.handler.body.body, inner);
        }
        if (node.finalizer) this.#visit(node.finalizer, ctx);
        return;
      case "ForStatement":
      case "ForInStatement":
      case "ForOfStatement":
        this.#visitLoop(node, ctx);
        return;
      case "IfStatement": {
        const guards = typeofGuards(node.test);
        this.#visit(node.test, ctx);
        this.#visit(node.consequent, withGuards(ctx, guards.whenTrue));
        if (node.alternate) this.#visit(node.alternate, withGuards(ctx, guards.whenFalse));
        return;
      }
      case "ConditionalExpression": {
        const guards = typeofGuards(node.test);
        this.#visit(node.test, ctx);
        this.#visit(node.consequent, withGuards(ctx, guards.whenTrue));
        this.#visit(node.alternate, withGuards(ctx, guards.whenFalse));
        return;
      }
      case "LogicalExpression": {
        const guards = typeofGuards(node.left);
        this.#visit(node.left, ctx);
        const names = node.operator === "&&"
          ? guards.whenTrue
          : node.operator === "||"
          ? guards.whenFalse
          : [];
        this.#visit(node.right, withGuards(ctx, names));
        return;
      }
      case "UnaryExpression":
        // `typeof Map` is how code tests for a missing global: it never throws.
        if (node.operator === "typeof" && node.argument.type === "Identifier") {
          this.#check.identifierName(node.argument);
          this.#check.reference({ id: node.argument, scope: ctx.scope, fn: ctx.fn });
          return;
        }
        this.#visit(node.argument, ctx);
        return;
      case "MemberExpression":
        this.#visitMember(node, ctx);
        return;
      case "ChainExpression":
        this.#check.syntax(node, "optional chaining");
        this.#visit(node.expression, ctx);
        return;
      case "CallExpression":
        if (node.optional) this.#check.syntax(node, "optional chaining");
        this.#visitCall(node, ctx);
        return;
      case "NewExpression":
        this.#visitCall(node, ctx);
        return;
      case "ArrayExpression":
        for (const element of node.elements) {
          if (!element) continue;
          if (element.type === "SpreadElement") {
            this.#check.syntax(element, "spread in array");
            this.#visit(element.argument, ctx);
          } else this.#visit(element, ctx);
        }
        return;
      case "ObjectExpression":
        for (const prop of node.properties) {
          if (prop.type === "SpreadElement") {
            this.#check.syntax(prop, "spread in object");
            this.#visit(prop.argument, ctx);
            continue;
          }
          if (prop.computed) {
            this.#check.syntax(prop.key, "computed key");
            this.#visit(prop.key, ctx);
          }
          if (prop.value.type === "FunctionExpression") this.#visitFunction(prop.value, ctx, false);
          else this.#visit(prop.value, ctx);
        }
        return;
      case "AssignmentExpression":
        if (node.operator === "**=") this.#check.syntax(node, "exponent operator");
        if (node.operator === "&&=" || node.operator === "||=" || node.operator === "??=") {
          this.#check.syntax(node, "logical assignment");
        }
        this.#assignTarget(node.left, ctx);
        this.#visit(node.right, ctx);
        return;
      case "BinaryExpression":
        if (node.operator === "**") this.#check.syntax(node, "exponent operator");
        if (node.left.type === "PrivateIdentifier") this.#check.syntax(node.left, "#private");
        else this.#visit(node.left, ctx);
        this.#visit(node.right, ctx);
        return;
      case "LabeledStatement":
        this.#check.syntax(node, "label");
        this.#visit(node.body, ctx);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        return; // labels are reported at their statement
      case "MetaProperty":
        if (node.meta.name === "new") this.#check.syntax(node, "new.target");
        return;
      case "ThisExpression":
        this.#check.thisExpression(node, ctx.fn);
        return;
      case "PrivateIdentifier":
        this.#check.syntax(node, "#private");
        return;
      default: {
        const construct = SYNTAX_NODES[node.type];
        if (construct) this.#check.syntax(node, construct);
        this.#visitChildren(node, ctx);
      }
    }
  }
}
