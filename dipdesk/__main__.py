import sys

from dipdesk.cli import main

sys.exit(main())
