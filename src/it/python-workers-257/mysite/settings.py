SECRET_KEY = "it-only"
ALLOWED_HOSTS = ["localhost"]
STATIC_URL = "/static/"
