const { VERSION } = require('@amigo-ai/core')
if (typeof VERSION !== 'string') throw new Error('no VERSION')
console.log('VERSION', VERSION)
