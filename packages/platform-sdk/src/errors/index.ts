export * from './refresh-failure'
