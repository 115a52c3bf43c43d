import { VERSION } from '@amigo-ai/realtime'

if (typeof VERSION !== 'string') throw new Error('no VERSION')
console.log('VERSION', VERSION)
