export {}

// ---- example ----
const { AmigoClient } = require('@amigo-ai/platform-sdk')
