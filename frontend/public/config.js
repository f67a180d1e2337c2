// Run-time configuration. The production container rewrites this file from its environment
// (API_BASE_URL, API_STREAM) at start-up, so the same build serves every deployment.
window.COURSEBOT_CONFIG = {
  apiBaseUrl: "",
  stream: true,
  maxMessageChars: 1000,
};
