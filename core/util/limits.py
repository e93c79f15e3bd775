"""Every size a file may declare, in one place, checked before anything is allocated.

A file is untrusted: its header can claim an 8 TB array, a billion neurons or a
50-megapixel image.  Each reader compares what a file *declares* with these
budgets before it reads or allocates, so no file makes the app use more than
a few hundred MB or more than a few seconds.  docs/reliability.md lists them
for people; the hostile-input corpus in tests/ checks each one.
"""

from __future__ import annotations

MB = 1 << 20

# -- points (sessions, CSV) ----------------------------------------------------------
MAX_POINTS = 100_000            # per playground session split and per CSV file
MAX_CSV_BYTES = 16 * MB         # 100,000 rows of three numbers fit in ~4 MB
MAX_CSV_FIELD = 1024            # characters in one CSV cell (a number needs < 30)

# -- networks (model files, sessions, the command line) -------------------------------
MAX_LAYERS = 8                  # hidden layers
MAX_NEURONS = 1024              # per layer (the digits page's maximum)
MAX_INPUTS = 784                # a 28 × 28 digit
MAX_OUTPUTS = 10                # ten digits
MAX_PARAMETERS = 5_000_000      # a whole network: 4 × 1024 digits layers fit (40 MB in float64)

# -- archives (sessions and .npz models) ----------------------------------------------
MAX_MODEL_FILE_BYTES = 64 * MB
MAX_SESSION_FILE_BYTES = 128 * MB
MAX_MEMBERS = 256               # parts of one archive
MAX_MEMBER_BYTES = 64 * MB      # one array, inflated
MAX_ARCHIVE_BYTES = 160 * MB    # all parts together, inflated
MAX_DOCUMENT_BYTES = 1 * MB     # a session's JSON settings
MAX_JSON_DEPTH = 16             # nesting of JSON objects and lists

# -- images (PNG) ---------------------------------------------------------------------
MAX_PNG_FILE_BYTES = 32 * MB
MAX_IMAGE_SIDE = 4096           # pixels per side
MAX_IMAGE_PIXELS = 1 << 20      # a drawing or a photo of one digit; 1024 × 1024
MAX_IMAGE_BYTES = 1 * MB        # inflated pixel data: 1000² grey, 512² RGBA (≤ 2 s to unfilter)

# -- digits data (IDX) ----------------------------------------------------------------
MAX_IDX_BYTES = 64 * MB         # the largest real file (60,000 images) is 47 MB
MAX_IDX_ITEMS = 100_000         # images or labels in one file
MAX_OWN_DIGITS = 100            # digits a learner drew and added (a session's too): 10 a digit

# -- optimiser settings a session may carry, inclusive ----------------------------------
OPTIMIZER_SETTING_RANGES = {
    "momentum": (0.0, 0.999),
    "rho": (0.0, 0.9999),
    "beta1": (0.0, 0.999),
    "beta2": (0.0, 0.99999),
    "epsilon": (1e-12, 1.0),
}
