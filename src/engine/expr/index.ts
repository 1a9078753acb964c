// Public API of the OVN match language: lexer, symbol table, parser, printer, OVN's expression tree,
// annotation, evaluation against a packet, and ovn-trace's microflow.
export * from './ast.ts';
export * from './lexer.ts';
export * from './lexer-cursor.ts';
export * from './symbols.ts';
export * from './parser.ts';
export * from './printer.ts';
export * from './expr.ts';
export * from './annotate.ts';
export * from './evaluate.ts';
export * from './normalize.ts';
export * from './microflow.ts';
export * from './explain.ts';
