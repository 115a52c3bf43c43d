const { VERSION } = require('@amigo-ai/platform-sdk')
if (typeof VERSION !== 'string') throw new Error('no VERSION')
console.log('VERSION', VERSION)
