"""The office's performance in public: service statistics (`/th/statistics/`), later the citizen's
charter and the transparency (ITA/OIT) index. Only counts, never personal data."""
