import { VERSION } from '@amigo-ai/auth-node'

if (typeof VERSION !== 'string') throw new Error('no VERSION')
console.log('VERSION', VERSION)
