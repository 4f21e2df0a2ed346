from opsdesk.app.main import main

raise SystemExit(main())
