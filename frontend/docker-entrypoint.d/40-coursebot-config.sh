#!/bin/sh
# Writes the page's run-time configuration from the container's environment.
# API Gateway + Lambda (Mangum) does not stream, so API_STREAM defaults to false in production.
set -eu
cat > /usr/share/nginx/html/config.js <<JS
window.COURSEBOT_CONFIG = {
  apiBaseUrl: "${API_BASE_URL:-}",
  stream: ${API_STREAM:-false},
  maxMessageChars: ${MAX_MESSAGE_CHARS:-1000},
};
JS
