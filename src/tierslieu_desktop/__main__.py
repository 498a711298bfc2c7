from tierslieu_desktop.cli import main

raise SystemExit(main())
