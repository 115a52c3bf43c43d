import { VERSION } from '@amigo-ai/platform-mock'

if (typeof VERSION !== 'string') throw new Error('no VERSION')
console.log('VERSION', VERSION)
