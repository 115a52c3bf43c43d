const { VERSION } = require('@amigo-ai/webhooks')
if (typeof VERSION !== 'string') throw new Error('no VERSION')
console.log('VERSION', VERSION)
