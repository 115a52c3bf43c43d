// Types of ./official-form.js: the resource classes themselves, which that module exports unchanged.
export * from './index'
