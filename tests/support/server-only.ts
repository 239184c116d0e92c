// Lets server-only modules load under vitest, which is not a React Server Components bundler.
export {};
