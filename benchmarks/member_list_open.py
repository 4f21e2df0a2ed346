"""Child process: open the Members page on a store and print 'ms MB' (time to the first page
shown, peak resident memory). Run by bench_members; a child so RSS is the page's alone."""

import os
import resource
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from opsdesk.app.paths import resources_dir  # noqa: E402
from opsdesk.db.opening import open_database  # noqa: E402
from opsdesk.services import auth, setup  # noqa: E402
from opsdesk.ui.context import AppContext  # noqa: E402
from opsdesk.ui.settings import UiSettings  # noqa: E402

app = QApplication([])
db = open_database(sys.argv[1]).db
actor = auth.login(db, "owner", "1234")
ctx = AppContext(db=db, actor=actor, store=setup.get_store(db, actor.store_id),
                 settings=UiSettings(), resources=resources_dir(), log_file=None,
                 set_language=lambda c: c)
from opsdesk.ui.pages.members.page import MembersPage  # noqa: E402

t0 = time.perf_counter()
page = MembersPage(ctx)
page.resize(1200, 800)
page.show()
app.processEvents()
ms = (time.perf_counter() - t0) * 1000
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{ms:.1f} {rss_mb:.1f}")
