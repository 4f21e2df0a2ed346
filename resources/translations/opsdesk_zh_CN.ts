<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About OpsDesk</source>
        <translation>关于 OpsDesk</translation>
    </message>
    <message>
        <source>OpsDesk runs a shop by the systematic store operations method: member ladder, promotion, sales process, organisation, targets, incentives and launches, offline on this computer.</source>
        <translation>OpsDesk 按照“门店系统化运营”方法经营店铺：会员体系、推广、销售流程、员工组织、目标、激励和发售，全部在本机离线运行。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <source>SQLite library</source>
        <translation>SQLite 库</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>&amp;Check the database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>No problems found (%1 checks).</source>
        <translation>未发现问题（共检查 %1 项）。</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>发现以下问题：</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
</context>
<context>
    <name>Countries</name>
    <message>
        <source>China (mainland)</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>中国香港</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>中国澳门</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>中国台湾</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>马来西亚</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美国</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英国</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德国</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法国</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>South Korea</source>
        <translation>韩国</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>伊朗</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>OpsDesk</source>
        <translation>OpsDesk</translation>
    </message>
    <message>
        <source>Something went wrong. Your data is safe: every change is saved as a whole or not at all.
Details were written to %1</source>
        <translation>出错了。您的数据是安全的：每一次修改要么完整保存，要么完全不保存。
详细信息已写入 %1</translation>
    </message>
</context>
<context>
    <name>Departments</name>
    <message>
        <source>Target assurance</source>
        <translation>指标保障部</translation>
    </message>
    <message>
        <source>Plan tracking</source>
        <translation>计划追踪部</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>后勤保障部</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Enter an amount.</source>
        <translation>请输入金额。</translation>
    </message>
    <message>
        <source>“{text}” is not an amount. Type digits, e.g. 1,234.50.</source>
        <translation>“{text}”不是有效金额。请输入数字，例如 1,234.50。</translation>
    </message>
    <message>
        <source>The amount cannot be negative here.</source>
        <translation>此处金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>Too many decimals: this currency has {digits}.</source>
        <translation>小数位过多：该币种只有 {digits} 位小数。</translation>
    </message>
    <message>
        <source>The amount is too large (at most {max}).</source>
        <translation>金额过大（最多 {max}）。</translation>
    </message>
    <message>
        <source>Unknown currency “{code}”.</source>
        <translation>未知币种“{code}”。</translation>
    </message>
    <message>
        <source>“{text}” is not a valid rate.</source>
        <translation>“{text}”不是有效的比例。</translation>
    </message>
    <message>
        <source>There is nothing to split the amount between.</source>
        <translation>没有可分摊金额的对象。</translation>
    </message>
    <message>
        <source>Weights cannot be negative.</source>
        <translation>权重不能为负数。</translation>
    </message>
    <message>
        <source>All weights are zero: give at least one a weight.</source>
        <translation>所有权重都为零：请至少给一项设置权重。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填。</translation>
    </message>
    <message>
        <source>Too long: at most {max} characters.</source>
        <translation>内容过长：最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Contains invisible direction-changing characters; please retype it.</source>
        <translation>含有不可见的文字方向控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>Contains invisible control characters; please retype it.</source>
        <translation>含有不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>Emoji cannot be printed on cards and receipts; please leave them out.</source>
        <translation>表情符号无法打印在会员卡和小票上，请不要使用。</translation>
    </message>
    <message>
        <source>The user name needs at least {min} characters.</source>
        <translation>用户名至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>Use letters, digits, dots, dashes or underscores only (no spaces).</source>
        <translation>只能使用字母、数字、点、连字符或下划线（不能有空格）。</translation>
    </message>
    <message>
        <source>Enter a PIN or password.</source>
        <translation>请输入 PIN 码或密码。</translation>
    </message>
    <message>
        <source>The PIN or password contains characters that cannot be used.</source>
        <translation>PIN 码或密码中含有不能使用的字符。</translation>
    </message>
    <message>
        <source>A PIN has {min} to {max} digits.</source>
        <translation>PIN 码为 {min} 到 {max} 位数字。</translation>
    </message>
    <message>
        <source>A password needs at least {min} characters (or use a PIN of digits only).</source>
        <translation>密码至少需要 {min} 个字符（或使用纯数字的 PIN 码）。</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>请从列表中选择国家或地区。</translation>
    </message>
    <message>
        <source>Choose a currency from the list.</source>
        <translation>请从列表中选择币种。</translation>
    </message>
    <message>
        <source>This database already has a store.</source>
        <translation>该数据库中已经有门店了。</translation>
    </message>
    <message>
        <source>The store could not be found in this database.</source>
        <translation>在该数据库中找不到这家门店。</translation>
    </message>
    <message>
        <source>Another person already uses this user name.</source>
        <translation>该用户名已被其他人使用。</translation>
    </message>
    <message>
        <source>Choose a department from the list.</source>
        <translation>请从列表中选择部门。</translation>
    </message>
    <message>
        <source>Choose a mentor from this store&apos;s staff.</source>
        <translation>请从本店员工中选择师傅。</translation>
    </message>
    <message>
        <source>A person cannot be their own mentor.</source>
        <translation>员工不能做自己的师傅。</translation>
    </message>
    <message>
        <source>The leaving date is before the hire date.</source>
        <translation>离职日期早于入职日期。</translation>
    </message>
    <message>
        <source>You cannot change your own role or deactivate yourself.</source>
        <translation>不能修改自己的角色，也不能停用自己的账号。</translation>
    </message>
    <message>
        <source>Choose a role from the list.</source>
        <translation>请从列表中选择角色。</translation>
    </message>
    <message>
        <source>The store needs at least one active owner.</source>
        <translation>门店至少需要一位在职的老板。</translation>
    </message>
    <message>
        <source>The demo store needs a new, empty database file; this one already has a store.</source>
        <translation>演示门店需要一个全新的空数据库文件；该文件中已经有门店了。</translation>
    </message>
    <message>
        <source>The record was not found; it may have been changed by someone else. Refresh and try again.</source>
        <translation>找不到该记录，可能已被他人修改。请刷新后重试。</translation>
    </message>
    <message>
        <source>Please correct the marked fields.</source>
        <translation>请修改标出的项目。</translation>
    </message>
    <message>
        <source>User name or PIN/password is wrong.</source>
        <translation>用户名或 PIN 码/密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong attempts. This user is locked; try again in {seconds} seconds.</source>
        <translation>错误次数过多，该用户已被锁定，请 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>This account has been deactivated. Ask the owner.</source>
        <translation>该账号已停用，请联系老板。</translation>
    </message>
    <message>
        <source>Your role is not allowed to do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <source>The database {path} is on a network drive. SQLite cannot lock files safely over a network, so data could be lost. Keep the database on this computer&apos;s own disk (a chain of stores can share a PostgreSQL server instead).</source>
        <translation>数据库 {path} 位于网络驱动器上。SQLite 无法通过网络安全地锁定文件，可能导致数据丢失。请把数据库放在本机自己的硬盘上（连锁门店可改为共用一台 PostgreSQL 服务器）。</translation>
    </message>
    <message>
        <source>The database {path} is inside the sync folder “{folder}”. Sync programs copy the file while it is open and can corrupt it. Keep the database outside synced folders and use Backup instead.</source>
        <translation>数据库 {path} 位于同步文件夹“{folder}”中。同步软件会在文件打开时复制它，可能造成损坏。请把数据库放在同步文件夹之外，改用“备份”功能。</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of OpsDesk (schema {revision}). Install the newer version to open it. The file was not changed.</source>
        <translation>数据库 {path} 由更新版本的 OpsDesk 写入（结构版本 {revision}）。请安装新版本后再打开。文件未被改动。</translation>
    </message>
    <message>
        <source>{path} is not an OpsDesk database (it is not a SQLite file). The file was not changed.</source>
        <translation>{path} 不是 OpsDesk 数据库（不是 SQLite 文件）。文件未被改动。</translation>
    </message>
    <message>
        <source>{path} is a SQLite database of another program, not OpsDesk. The file was not changed.</source>
        <translation>{path} 是其他程序的 SQLite 数据库，不是 OpsDesk 的。文件未被改动。</translation>
    </message>
    <message>
        <source>{path} is damaged and cannot be read ({reason}). Restore it from a backup.</source>
        <translation>{path} 已损坏，无法读取（{reason}）。请从备份恢复。</translation>
    </message>
    <message>
        <source>{path} is a folder; give the path of a database file.</source>
        <translation>{path} 是一个文件夹；请指定数据库文件的路径。</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>{path} 处没有数据库。</translation>
    </message>
    <message>
        <source>{path} is empty: it holds no store yet.</source>
        <translation>{path} 是空的：其中还没有门店。</translation>
    </message>
    <message>
        <source>Choose a different file for the backup than the database itself.</source>
        <translation>备份文件不能是数据库本身，请另选一个文件。</translation>
    </message>
    <message>
        <source>The backup cannot be written to {path}: {reason}.</source>
        <translation>无法将备份写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>The backup failed: {reason}.</source>
        <translation>备份失败：{reason}。</translation>
    </message>
    <message>
        <source>The backup copy did not pass its check ({reason}); it was deleted.</source>
        <translation>备份副本未通过校验（{reason}），已删除。</translation>
    </message>
    <message>
        <source>This store&apos;s database is on a server; back it up with the server&apos;s own tools.</source>
        <translation>本店的数据库在服务器上，请使用服务器自带的工具备份。</translation>
    </message>
    <message>
        <source>{path} holds no store; it is not a backup.</source>
        <translation>{path} 中没有门店，不是备份文件。</translation>
    </message>
    <message>
        <source>That file is the database itself; choose a backup file.</source>
        <translation>该文件就是数据库本身；请选择一个备份文件。</translation>
    </message>
    <message>
        <source>The restore failed: {reason}.</source>
        <translation>恢复失败：{reason}。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({reason}); nothing was restored.</source>
        <translation>备份 {path} 已损坏（{reason}），未恢复任何数据。</translation>
    </message>
    <message>
        <source>The action could not be completed ({code}).</source>
        <translation>操作未能完成（{code}）。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up OpsDesk</source>
        <translation>设置 OpsDesk</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>OpsDesk — log in</source>
        <translation>OpsDesk — 登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;PIN or password</source>
        <translation>PIN 码或密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>正在打开门店…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Staff &amp; Roles</source>
        <translation>员工与角色</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>OpsDesk — %1</source>
        <translation>OpsDesk — %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>OwnerPage</name>
    <message>
        <source>Owner account</source>
        <translation>老板账号</translation>
    </message>
    <message>
        <source>You will log in with this account. You can add your staff afterwards under Staff &amp; Roles.</source>
        <translation>您将用这个账号登录。之后可以在“员工与角色”中添加员工。</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>您的姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;PIN or password</source>
        <translation>PIN 码或密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Repeat it</source>
        <translation>再输入一次(&amp;R)</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits; a password at least 8 characters. Five wrong attempts lock the account for a minute.</source>
        <translation>PIN 码为 4 到 12 位数字；密码至少 8 个字符。连续输错 5 次，账号将锁定一分钟。</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售顾问</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interface &amp;language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Use another database file…</source>
        <translation>使用其他数据库文件…</translation>
    </message>
    <message>
        <source>All of the store&apos;s data is in this one file. Keep it on this computer&apos;s own disk, not on a network drive or in a cloud-sync folder. Another file is used from the next start.</source>
        <translation>门店的全部数据都在这一个文件里。请把它放在本机自己的硬盘上，不要放在网络驱动器或云同步文件夹中。更换的文件从下次启动时开始使用。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>A backup is a verified copy taken while OpsDesk keeps running. Keep copies on a USB drive or another computer. OpsDesk also backs up by itself before every upgrade of the database.</source>
        <translation>备份是在 OpsDesk 运行时生成并经过校验的副本。请把副本保存在 U 盘或另一台电脑上。每次升级数据库之前，OpsDesk 也会自动备份。</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>OpsDesk database (*.sqlite)</source>
        <translation>OpsDesk 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>OpsDesk will use %1 from the next start.</source>
        <translation>下次启动时 OpsDesk 将使用 %1。</translation>
    </message>
    <message>
        <source>Save backup as</source>
        <translation>备份另存为</translation>
    </message>
    <message>
        <source>Backup saved and verified: %1</source>
        <translation>备份已保存并通过校验：%1</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Replace all of the store&apos;s current data with the backup %1?

The current data is kept as a backup first. OpsDesk closes afterwards; start it again.</source>
        <translation>要用备份 %1 替换门店当前的全部数据吗？

当前数据会先保存为一份备份。恢复后 OpsDesk 将关闭，请重新启动。</translation>
    </message>
    <message>
        <source>The backup was restored. OpsDesk will now close.</source>
        <translation>备份已恢复。OpsDesk 现在将关闭。</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑员工</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Position</source>
        <translation>岗位(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Mentor</source>
        <translation>师傅(&amp;M)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>手机号(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Hired on</source>
        <translation>入职日期(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Left on</source>
        <translation>离职日期(&amp;L)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PI&amp;N or password</source>
        <translation>PIN 码或密码(&amp;N)</translation>
    </message>
    <message>
        <source>Repea&amp;t</source>
        <translation>再输入一次(&amp;T)</translation>
    </message>
    <message>
        <source>Active (can log in)</source>
        <translation>在职（可以登录）</translation>
    </message>
    <message>
        <source>leave empty to keep the current one</source>
        <translation>留空则保持不变</translation>
    </message>
    <message>
        <source>The two entries differ.</source>
        <translation>两次输入不一致。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff &amp; Roles</source>
        <translation>员工与角色</translation>
    </message>
    <message>
        <source>&amp;Add person…</source>
        <translation>添加员工(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Owner: everything. Manager: plans, follow-ups, assessments and staff (not pay runs). Front desk: members, top-ups, sales and visits, never pay. Sales: own visits, follow-ups and targets. Nobody is deleted: a person who leaves is marked as left and keeps their history.</source>
        <translation>老板：全部权限。店长：计划、跟进、考核和员工（不含工资核算）。前台：会员、充值、销售和到店记录，看不到工资。销售顾问：自己的拜访、跟进和目标。员工不会被删除：离职人员标记为“已离职”，历史记录全部保留。</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Select a person first.</source>
        <translation>请先选择一名员工。</translation>
    </message>
</context>
<context>
    <name>StaffTable</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>师傅</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>入职日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>Locked (wrong PIN)</source>
        <translation>已锁定（PIN 码错误）</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Demo store: log in as “%1” with PIN %2.</source>
        <translation>演示门店：请用“%1”登录，PIN 码 %2。</translation>
    </message>
    <message>
        <source>Preparing the demo store… %1%</source>
        <translation>正在准备演示门店… %1%</translation>
    </message>
    <message>
        <source>The database could not be opened. Details are in the log: %1</source>
        <translation>无法打开数据库。详细信息见日志：%1</translation>
    </message>
    <message>
        <source>OpsDesk</source>
        <translation>OpsDesk</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>Your store</source>
        <translation>您的门店</translation>
    </message>
    <message>
        <source>The name appears on receipts, member cards and slips. The country sets the phone number rules.</source>
        <translation>店名会印在小票、会员卡和工资条上。国家或地区决定手机号码的校验规则。</translation>
    </message>
    <message>
        <source>Store &amp;name</source>
        <translation>店名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>国家/地区(&amp;C)</translation>
    </message>
    <message>
        <source>C&amp;urrency</source>
        <translation>币种(&amp;U)</translation>
    </message>
    <message>
        <source>e.g. Yuerong Beauty Studio</source>
        <translation>例如：悦容美学馆</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to OpsDesk</source>
        <translation>欢迎使用 OpsDesk</translation>
    </message>
    <message>
        <source>OpsDesk runs your shop&apos;s member ladder, promotion, sales process, targets, incentives and launches on this computer, without internet.

First create your store and your own owner account. It takes a minute.</source>
        <translation>OpsDesk 在这台电脑上管理您店铺的会员体系、推广、销售流程、目标、激励和发售，无需联网。

首先创建您的门店和您自己的老板账号，只需一分钟。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
</TS>
