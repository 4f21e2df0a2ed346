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
    <name>Assessment</name>
    <message>
        <source>Visits</source>
        <translation>拜访量</translation>
    </message>
    <message>
        <source>Effective visits</source>
        <translation>有效拜访</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户开发</translation>
    </message>
    <message>
        <source>Second follow-ups</source>
        <translation>二次跟进</translation>
    </message>
    <message>
        <source>Revenue attainment</source>
        <translation>业绩达成率</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>工作态度</translation>
    </message>
    <message>
        <source>Store revenue attainment</source>
        <translation>全店业绩达成</translation>
    </message>
    <message>
        <source>Plan follow-through</source>
        <translation>计划执行跟进</translation>
    </message>
    <message>
        <source>Members registered (store)</source>
        <translation>全店新会员登记</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <source>Monthly scores</source>
        <translation>月度评分</translation>
    </message>
    <message>
        <source>Assessment items (KPI template)</source>
        <translation>考核项目（KPI 模板）</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>Daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <source>On closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Other copy</source>
        <translation>其他副本</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>BaselinePage</name>
    <message>
        <source>Targets against the baselines</source>
        <translation>对照基准线定目标</translation>
    </message>
    <message>
        <source>Historical peak: the best 12 months so far. Starting line: last year&apos;s actual. Forecast line: last year grown by the median change of each month against the same month a year before. Click a baseline to take it, or type your own target.</source>
        <translation>历史峰值：至今最好的连续 12 个月。起跑线：去年的实际完成。预测线：去年按各月同比变化的中位数增长。点击一条基准线即可采用，也可以自己输入目标。</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Historical peak</source>
        <translation>历史峰值</translation>
    </message>
    <message>
        <source>Starting line</source>
        <translation>起跑线</translation>
    </message>
    <message>
        <source>Forecast line</source>
        <translation>预测线</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Scaled up to a year from %1 months</source>
        <translation>由 %1 个月折算为全年</translation>
    </message>
    <message>
        <source>%1: forecast growth %2% from %3 month pairs.</source>
        <translation>%1：预测增长 %2%，依据 %3 组同比月份。</translation>
    </message>
</context>
<context>
    <name>BracketTable</name>
    <message>
        <source>Top up at least</source>
        <translation>充值满</translation>
    </message>
    <message>
        <source>Bonus credited</source>
        <translation>赠送金额</translation>
    </message>
    <message>
        <source>Add bracket</source>
        <translation>添加档位</translation>
    </message>
    <message>
        <source>Remove bracket</source>
        <translation>删除档位</translation>
    </message>
    <message>
        <source>From (amount)</source>
        <translation>起点（金额）</translation>
    </message>
    <message>
        <source>To (empty: no limit)</source>
        <translation>终点（留空：不封顶）</translation>
    </message>
    <message>
        <source>Rate %</source>
        <translation>提成比例 %</translation>
    </message>
    <message>
        <source>From (% of target)</source>
        <translation>起点（目标达成 %）</translation>
    </message>
</context>
<context>
    <name>CapacityPanel</name>
    <message>
        <source>&amp;Market size (potential customers)</source>
        <translation>市场容量（潜在客户数）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Share to win (%)</source>
        <translation>目标占有率 (%)(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Deal cycle (days)</source>
        <translation>成交周期（天）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Visits per deal</source>
        <translation>每单所需拜访(&amp;V)</translation>
    </message>
    <message>
        <source>Visits per &amp;person per day</source>
        <translation>人均每日拜访(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Working days per month</source>
        <translation>每月工作日(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Ramp (months)</source>
        <translation>爬坡期（月）(&amp;R)</translation>
    </message>
    <message>
        <source>Win %1 customers with %2 visits: at the peak you need %3 people (one person makes %4 visits a month).</source>
        <translation>要赢得 %1 位客户需要 %2 次拜访：高峰时需要 %3 人（每人每月 %4 次拜访）。</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Deals so far</source>
        <translation>累计成交</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Visits a day</source>
        <translation>每日拜访</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>ChannelsTab</name>
    <message>
        <source>Spend per month</source>
        <translation>每月投入</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>Spent &amp;on</source>
        <translation>用途(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Record spend</source>
        <translation>记录投入(&amp;R)</translation>
    </message>
    <message>
        <source>Acquisition cost per new paying customer</source>
        <translation>每位新付费客户的获客成本</translation>
    </message>
    <message>
        <source>&amp;Calculate</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Cost = spend + promoters&apos; commission + pond fees + referral rewards; early spend counts customers registered in the period whose window has ended.</source>
        <translation>成本 = 投入 + 推广员佣金 + 鱼塘费用 + 推荐奖励；首月/首年消费只统计期间内登记且统计窗口已结束的客户。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>CheckoutCart</name>
    <message>
        <source>Item</source>
        <translation>品项</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Member pays</source>
        <translation>实付</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Checkout</source>
        <translation>收银结账</translation>
    </message>
    <message>
        <source>&amp;Find an item (Enter adds it)</source>
        <translation>查找品项（按 Enter 添加）(&amp;F)</translation>
    </message>
    <message>
        <source>name…</source>
        <translation>名称…</translation>
    </message>
    <message>
        <source>&amp;Items</source>
        <translation>消费明细(&amp;I)</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>支付方式(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除此行(&amp;R)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Enter or Ctrl+Enter</source>
        <translation>Enter 或 Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Print receipt…</source>
        <translation>打印小票(&amp;P)…</translation>
    </message>
    <message>
        <source>80 mm roll for the receipt printer</source>
        <translation>小票打印机用 80 毫米卷纸</translation>
    </message>
    <message>
        <source>Receipt on &amp;A4…</source>
        <translation>A4 小票(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>%1 (balance %2)</source>
        <translation>%1（余额 %2）</translation>
    </message>
    <message>
        <source>Walk-in customer: list prices, no member discount.</source>
        <translation>散客：按标价收费，不享受会员折扣。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>no tier yet</source>
        <translation>暂无会员等级</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>To pay: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>应付：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>List %1 − member discount %2 · </source>
        <translation>标价 %1 − 会员优惠 %2 · </translation>
    </message>
    <message>
        <source>&amp;Pay %1</source>
        <translation>收款 %1(&amp;P)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Paid %1 by %2&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;已收款 %1（%2）&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Member discount: %1 off the list price of %2.</source>
        <translation>会员优惠：标价 %2，优惠 %1。</translation>
    </message>
    <message>
        <source>Stored value left: %1 (paid in %2, bonus %3).</source>
        <translation>储值余额：%1（本金 %2，赠送 %3）。</translation>
    </message>
    <message>
        <source>This sale had already been recorded; nothing was charged twice.</source>
        <translation>这笔销售之前已经记录过，没有重复扣款。</translation>
    </message>
    <message>
        <source>Save receipt</source>
        <translation>保存小票</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
</context>
<context>
    <name>CheckoutPick</name>
    <message>
        <source>Item</source>
        <translation>品项</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>标价</translation>
    </message>
    <message>
        <source>Member price</source>
        <translation>会员价</translation>
    </message>
</context>
<context>
    <name>ContestDialog</name>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>业绩</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访量</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新会员</translation>
    </message>
    <message>
        <source>Takes part</source>
        <translation>参赛</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>战队</translation>
    </message>
    <message>
        <source>New PK contest</source>
        <translation>新建 PK 赛</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Counts</source>
        <translation>比拼指标(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>开始(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>结束(&amp;T)</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>战队</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>参赛人员(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;rizes by rank</source>
        <translation>各名次奖金(&amp;R)</translation>
    </message>
    <message>
        <source>Teams compete (type each person&apos;s team)</source>
        <translation>按战队比拼（填写每人所在战队）</translation>
    </message>
    <message>
        <source>1st, 2nd, 3rd…  e.g. 500, 300, 100</source>
        <translation>第1、2、3名…… 例如 500, 300, 100</translation>
    </message>
    <message>
        <source>e.g. Two-week deals PK</source>
        <translation>例如：两周成交 PK</translation>
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
    <name>Dashboard</name>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>已拜访</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>精准客户</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>维系</translation>
    </message>
    <message>
        <source>Repeat deal</source>
        <translation>再成交</translation>
    </message>
    <message>
        <source>Referred others</source>
        <translation>转介绍他人</translation>
    </message>
    <message>
        <source>many visits, high conversion — let them mentor others</source>
        <translation>拜访多、转化高——让其带教他人</translation>
    </message>
    <message>
        <source>many visits, low conversion — coach the script and the offer</source>
        <translation>拜访多、转化低——辅导话术和主张</translation>
    </message>
    <message>
        <source>few visits, high conversion — push for more visits</source>
        <translation>拜访少、转化高——推动多拜访</translation>
    </message>
    <message>
        <source>few visits, low conversion — attitude first: talk, set daily visits</source>
        <translation>拜访少、转化低——先抓心态:谈心,定每日拜访量</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>标杆</translation>
    </message>
    <message>
        <source>Coach skills</source>
        <translation>辅导技能</translation>
    </message>
    <message>
        <source>More visits</source>
        <translation>多拜访</translation>
    </message>
    <message>
        <source>Attitude first</source>
        <translation>先抓心态</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业额</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访量</translation>
    </message>
    <message>
        <source>Top-ups</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Week on week</source>
        <translation>周环比</translation>
    </message>
    <message>
        <source>Month on month</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>Year on year</source>
        <translation>同比</translation>
    </message>
    <message>
        <source>Business system (member ladder)</source>
        <translation>业务系统(会员体系)</translation>
    </message>
    <message>
        <source>Promotion system</source>
        <translation>推广系统</translation>
    </message>
    <message>
        <source>Sales process</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>Staff organisation</source>
        <translation>员工组织</translation>
    </message>
    <message>
        <source>Operations (targets and plan)</source>
        <translation>运营体系(目标与计划)</translation>
    </message>
    <message>
        <source>Incentive system</source>
        <translation>激励体系</translation>
    </message>
    <message>
        <source>Launch system</source>
        <translation>发售系统</translation>
    </message>
    <message>
        <source>Process: marketing (new leads)</source>
        <translation>流程:营销(新线索)</translation>
    </message>
    <message>
        <source>Process: contact (follow-ups)</source>
        <translation>流程:联系(跟进)</translation>
    </message>
    <message>
        <source>Process: selling</source>
        <translation>流程:销售成交</translation>
    </message>
    <message>
        <source>Process: delighting customers</source>
        <translation>流程:超出顾客期望</translation>
    </message>
    <message>
        <source>Process: lifetime (coming back)</source>
        <translation>流程:终身价值(回头再买)</translation>
    </message>
    <message>
        <source>Process: referral</source>
        <translation>流程:转介绍</translation>
    </message>
    <message>
        <source>A bait member tier draws people in.</source>
        <translation>已设鱼饵会员,用来引流。</translation>
    </message>
    <message>
        <source>No bait member tier: nothing cheap and irresistible draws traffic.</source>
        <translation>没有鱼饵会员:缺少低价、难以拒绝的引流入口。</translation>
    </message>
    <message>
        <source>A regular member tier gives a reason to come back.</source>
        <translation>已设常态会员,让顾客有理由再来。</translation>
    </message>
    <message>
        <source>No regular member tier: nothing gives customers a reason to come back.</source>
        <translation>没有常态会员:顾客缺少再来的理由。</translation>
    </message>
    <message>
        <source>A partner member tier is on the ladder.</source>
        <translation>会员体系中已有合伙人会员。</translation>
    </message>
    <message>
        <source>No partner member tier: big stored-value customers have nothing to aim for.</source>
        <translation>没有合伙人会员:大额储值顾客没有目标可追。</translation>
    </message>
    <message>
        <source>A partner tier has a top-up threshold.</source>
        <translation>合伙人会员已设储值门槛。</translation>
    </message>
    <message>
        <source>No partner tier has a top-up threshold (bonus bracket or top-up upgrade rule).</source>
        <translation>合伙人会员没有储值门槛(充值赠送档位或储值升级规则)。</translation>
    </message>
    <message>
        <source>The product matrix has traffic, hit, profit and brand products.</source>
        <translation>产品矩阵已有流量、爆款、利润和品牌产品。</translation>
    </message>
    <message>
        <source>The product matrix lacks: {roles}.</source>
        <translation>产品矩阵缺少:{roles}。</translation>
    </message>
    <message>
        <source>{n} stored-value top-ups in the last {days} days.</source>
        <translation>近 {days} 天储值充值 {n} 笔。</translation>
    </message>
    <message>
        <source>No stored-value top-up in the last {days} days.</source>
        <translation>近 {days} 天没有储值充值。</translation>
    </message>
    <message>
        <source>Members are rewarded for referrals.</source>
        <translation>会员转介绍有奖励。</translation>
    </message>
    <message>
        <source>No referral reward rule: members have no reason to bring friends.</source>
        <translation>没有转介绍奖励规则:会员没有理由带朋友来。</translation>
    </message>
    <message>
        <source>Promoters sell for the shop.</source>
        <translation>已有推广员为门店销售。</translation>
    </message>
    <message>
        <source>No promoters enrolled.</source>
        <translation>没有推广员。</translation>
    </message>
    <message>
        <source>A partner pond contract brings customers.</source>
        <translation>已与鱼塘合作方签约引客。</translation>
    </message>
    <message>
        <source>No pond contract with a partner business.</source>
        <translation>没有与鱼塘合作方签约。</translation>
    </message>
    <message>
        <source>Channel spend is recorded: acquisition cost is known.</source>
        <translation>已记录渠道投入,获客成本可算。</translation>
    </message>
    <message>
        <source>No channel spend recorded: acquisition cost per channel is unknown.</source>
        <translation>没有记录渠道投入:各渠道获客成本未知。</translation>
    </message>
    <message>
        <source>{n} sales steps have a script.</source>
        <translation>{n} 个销售环节有话术。</translation>
    </message>
    <message>
        <source>No sales step has a script.</source>
        <translation>销售流程各环节都没有话术。</translation>
    </message>
    <message>
        <source>An irresistible offer is active.</source>
        <translation>已有生效中的成交主张。</translation>
    </message>
    <message>
        <source>No active offer for the last step of the sale.</source>
        <translation>成交环节没有生效中的主张。</translation>
    </message>
    <message>
        <source>{n} visits logged in the last {days} days.</source>
        <translation>近 {days} 天记录拜访 {n} 次。</translation>
    </message>
    <message>
        <source>No visit logged in the last {days} days.</source>
        <translation>近 {days} 天没有拜访记录。</translation>
    </message>
    <message>
        <source>{n} people on the team.</source>
        <translation>团队共 {n} 人。</translation>
    </message>
    <message>
        <source>Only {n} person on the team.</source>
        <translation>团队只有 {n} 人。</translation>
    </message>
    <message>
        <source>Everyone belongs to a department.</source>
        <translation>每个人都已归属部门。</translation>
    </message>
    <message>
        <source>{n} people belong to no department.</source>
        <translation>有 {n} 人未归属部门。</translation>
    </message>
    <message>
        <source>Mentor and apprentice pairs are set.</source>
        <translation>已设师徒结对。</translation>
    </message>
    <message>
        <source>No mentor and apprentice pairs.</source>
        <translation>没有师徒结对。</translation>
    </message>
    <message>
        <source>This year&apos;s targets are split into a plan.</source>
        <translation>今年目标已分解为计划。</translation>
    </message>
    <message>
        <source>No target plan for this year.</source>
        <translation>今年还没有目标计划。</translation>
    </message>
    <message>
        <source>Pay schemes are set.</source>
        <translation>已设薪酬方案。</translation>
    </message>
    <message>
        <source>No pay scheme: pay is not tied to results.</source>
        <translation>没有薪酬方案:收入没有和业绩挂钩。</translation>
    </message>
    <message>
        <source>Staff were assessed this month or last.</source>
        <translation>本月或上月已做员工考核。</translation>
    </message>
    <message>
        <source>No assessment this month or last.</source>
        <translation>本月和上月都没有考核。</translation>
    </message>
    <message>
        <source>A launch campaign has been run.</source>
        <translation>已做过发售活动。</translation>
    </message>
    <message>
        <source>No launch campaign yet.</source>
        <translation>还没有做过发售。</translation>
    </message>
    <message>
        <source>{n} new customers in the last {days} days.</source>
        <translation>近 {days} 天新增 {n} 位客户。</translation>
    </message>
    <message>
        <source>No new customer in the last {days} days.</source>
        <translation>近 {days} 天没有新客户。</translation>
    </message>
    <message>
        <source>Follow-up rules are on.</source>
        <translation>跟进规则已开启。</translation>
    </message>
    <message>
        <source>Every follow-up rule is switched off.</source>
        <translation>所有跟进规则都已关闭。</translation>
    </message>
    <message>
        <source>No follow-up is overdue.</source>
        <translation>没有逾期的跟进。</translation>
    </message>
    <message>
        <source>{n} follow-ups are overdue.</source>
        <translation>有 {n} 条跟进已逾期。</translation>
    </message>
    <message>
        <source>{n} sales in the last {days} days.</source>
        <translation>近 {days} 天成交 {n} 笔。</translation>
    </message>
    <message>
        <source>No sale in the last {days} days.</source>
        <translation>近 {days} 天没有成交。</translation>
    </message>
    <message>
        <source>Customers are called 30/60/90 days after buying.</source>
        <translation>成交后第 30/60/90 天回访顾客。</translation>
    </message>
    <message>
        <source>The after-purchase follow-up rule is off.</source>
        <translation>成交后回访规则已关闭。</translation>
    </message>
    <message>
        <source>{percent}% of paying customers had no contact in {days} days.</source>
        <translation>{percent}% 的成交客户 {days} 天内没有联系。</translation>
    </message>
    <message>
        <source>{percent}% of paying customers ({n}) had no follow-up in {days} days.</source>
        <translation>{percent}% 的成交客户({n} 位){days} 天内没有跟进。</translation>
    </message>
    <message>
        <source>{percent}% of paying customers bought again.</source>
        <translation>{percent}% 的成交客户已复购。</translation>
    </message>
    <message>
        <source>No customer has bought a second time.</source>
        <translation>还没有顾客复购。</translation>
    </message>
    <message>
        <source>{n} customers came by referral in the last {days} days.</source>
        <translation>近 {days} 天有 {n} 位客户经转介绍而来。</translation>
    </message>
    <message>
        <source>No customer came by referral in the last {days} days.</source>
        <translation>近 {days} 天没有转介绍来的客户。</translation>
    </message>
    <message>
        <source>Not set up yet in this version.</source>
        <translation>此版本尚未启用。</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Something went wrong; the log has the details.</source>
        <translation>出错了,详情见日志。</translation>
    </message>
    <message>
        <source>%1 of leads</source>
        <translation>占线索 %1</translation>
    </message>
    <message>
        <source>No customer registered in this range.</source>
        <translation>此期间没有登记客户。</translation>
    </message>
    <message>
        <source>Biggest leak: %1 → %2 converts %3.</source>
        <translation>漏得最多:%1 → %2 转化率 %3。</translation>
    </message>
    <message>
        <source>%1 (attitude %2)</source>
        <translation>%1(心态 %2)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访量</translation>
    </message>
    <message>
        <source>Conversion (%)</source>
        <translation>转化率(%)</translation>
    </message>
    <message>
        <source>Dashed lines: the team&apos;s medians (%1 visits, %2 conversion). Bigger dot: more revenue.</source>
        <translation>虚线:团队中位数(拜访 %1 次,转化率 %2)。点越大,业绩越高。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Customers visited</source>
        <translation>拜访客户数</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业额</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>心态</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>对比期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(无人)</translation>
    </message>
    <message>
        <source>Person, month on month</source>
        <translation>员工(环比)</translation>
    </message>
    <message>
        <source>Month by month, with its trend line</source>
        <translation>逐月走势与趋势线</translation>
    </message>
    <message>
        <source>Spend per new customer (%1)</source>
        <translation>每位新客消费(%1)</translation>
    </message>
    <message>
        <source>First 30 days</source>
        <translation>前 30 天</translation>
    </message>
    <message>
        <source>First year (so far)</source>
        <translation>第一年(至今)</translation>
    </message>
    <message>
        <source>Paying customers</source>
        <translation>付费客户数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Purchases per customer</source>
        <translation>人均购买次数</translation>
    </message>
    <message>
        <source>= Revenue</source>
        <translation>= 营业额</translation>
    </message>
    <message>
        <source>Three growth levers</source>
        <translation>增长三要素</translation>
    </message>
    <message>
        <source>Last month, same days</source>
        <translation>上月同期</translation>
    </message>
    <message>
        <source>Product role</source>
        <translation>产品角色</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin rate</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>No tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>New paying</source>
        <translation>新成交客户</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Cost per customer</source>
        <translation>每位成交新客成本</translation>
    </message>
    <message>
        <source>Channel spend is not set up yet.</source>
        <translation>渠道投入尚未启用。</translation>
    </message>
    <message>
        <source>Seven systems</source>
        <translation>七大系统</translation>
    </message>
    <message>
        <source>Six processes</source>
        <translation>六个流程</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>将图表保存为 PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1.</source>
        <translation>图表无法保存到 %1。</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据仪表盘</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>渠道(&amp;H)</translation>
    </message>
    <message>
        <source>T&amp;ier</source>
        <translation>等级(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Monthly report (PDF)…</source>
        <translation>月度经营报告(PDF)…</translation>
    </message>
    <message>
        <source>Funnel and people</source>
        <translation>漏斗与人员</translation>
    </message>
    <message>
        <source>Comparisons</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Growth economics</source>
        <translation>增长经济</translation>
    </message>
    <message>
        <source>Is your system complete?</source>
        <translation>你的系统完善吗?</translation>
    </message>
    <message>
        <source>Funnel of the customers registered in the range</source>
        <translation>期间登记客户的营销漏斗</translation>
    </message>
    <message>
        <source>Visits against conversion, per person</source>
        <translation>每人拜访量与转化率</translation>
    </message>
    <message>
        <source>Spend per new customer, by month of registration</source>
        <translation>每位新客消费(按登记月份)</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Referrals per paying customer</source>
        <translation>每位成交客户转介绍数</translation>
    </message>
    <message>
        <source>Customers who referred</source>
        <translation>做过转介绍的客户</translation>
    </message>
    <message>
        <source>…of them, referred again and again</source>
        <translation>……其中多次转介绍的</translation>
    </message>
    <message>
        <source>Each system and process, computed from your set-up and your data. Double-click a missing item to open the page that fixes it.</source>
        <translation>按你的设置和数据逐项检查每个系统和流程。双击缺失项,打开处理它的页面。</translation>
    </message>
    <message>
        <source>What is set up, what is missing</source>
        <translation>已具备什么,还缺什么</translation>
    </message>
    <message>
        <source>&amp;Open the page that fixes it</source>
        <translation>打开处理页面(&amp;O)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
</context>
<context>
    <name>DaysPage</name>
    <message>
        <source>Days and weeks</source>
        <translation>分解到日和周</translation>
    </message>
    <message>
        <source>Give each weekday a weight: a busy weekend weighs more, a closed day 0. Each month is spread over its days; a week is the sum of its days (a week that crosses two months shows in each).</source>
        <translation>给每个星期几设权重：周末忙可以更高，休息日为 0。每月目标分到当月每一天；一周是这几天之和（跨月的一周在两个月里各显示一部分）。</translation>
    </message>
    <message>
        <source>Show &amp;month</source>
        <translation>显示月份(&amp;M)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>第 %1 周</translation>
    </message>
    <message>
        <source>(part)</source>
        <translation>（部分）</translation>
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
    <name>DrillDialog</name>
    <message>
        <source>%1: visits and sales %2 – %3</source>
        <translation>%1：拜访与销售 %2 – %3</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Sales (%1)</source>
        <translation>销售（%1）</translation>
    </message>
</context>
<context>
    <name>EntriesTab</name>
    <message>
        <source>Deduction (taken off)</source>
        <translation>扣款（从工资中扣除）</translation>
    </message>
    <message>
        <source>Adjustment of a locked month (+ or −)</source>
        <translation>更正已锁定月份（可正可负）</translation>
    </message>
    <message>
        <source>&amp;Add entry</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>删除所选(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>员工(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;mount</source>
        <translation>金额(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Corrects month</source>
        <translation>更正月份(&amp;C)</translation>
    </message>
    <message>
        <source>e.g. 2026-03</source>
        <translation>例如 2026-03</translation>
    </message>
    <message>
        <source>what the person is told on the slip</source>
        <translation>工资条上给员工看的说明</translation>
    </message>
    <message>
        <source>Entries for %1: %2. Draft the month&apos;s run again to put them on the slips.</source>
        <translation>%1 的扣款与调整：%2 条。重新生成当月工资草稿后计入工资条。</translation>
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
        <source>Enter the actual result as a number of zero or more.</source>
        <translation>实际完成值请输入大于或等于零的数字。</translation>
    </message>
    <message>
        <source>This item is scored from the records, but its figures are missing.</source>
        <translation>此项按系统记录自动评分，但缺少相应数据。</translation>
    </message>
    <message>
        <source>The score cap must be between {min} and {max}.</source>
        <translation>得分上限必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <source>An item code may use letters, digits and underscores only.</source>
        <translation>考核项目代码只能使用字母、数字和下划线。</translation>
    </message>
    <message>
        <source>The item “{code}” appears twice.</source>
        <translation>考核项目“{code}”重复了。</translation>
    </message>
    <message>
        <source>This item has no score yet.</source>
        <translation>此项还没有评分。</translation>
    </message>
    <message>
        <source>“{code}” is not an item of this assessment.</source>
        <translation>“{code}”不是本次考核的项目。</translation>
    </message>
    <message>
        <source>Add at least one assessment item.</source>
        <translation>请至少添加一个考核项目。</translation>
    </message>
    <message>
        <source>Enter a score for this item.</source>
        <translation>请为此项打分。</translation>
    </message>
    <message>
        <source>This item is scored automatically and cannot be scored by hand.</source>
        <translation>此项为自动评分，不能手工打分。</translation>
    </message>
    <message>
        <source>The target must be a number greater than zero.</source>
        <translation>目标值必须是大于零的数字。</translation>
    </message>
    <message>
        <source>The weight must be a whole number of zero or more.</source>
        <translation>权重必须是大于或等于零的整数。</translation>
    </message>
    <message>
        <source>The weights add up to {actual}; they must add up to 100.</source>
        <translation>权重合计为 {actual}，必须等于 100。</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>“{text}”不是数字。</translation>
    </message>
    <message>
        <source>Enter a number greater than zero.</source>
        <translation>请输入大于零的数字。</translation>
    </message>
    <message>
        <source>Enter a number between {min} and {max}.</source>
        <translation>请输入 {min} 到 {max} 之间的数字。</translation>
    </message>
    <message>
        <source>The market share must be between 0 and 100% (not {value}).</source>
        <translation>市场占有率必须在 0 到 100% 之间（不能是 {value}）。</translation>
    </message>
    <message>
        <source>“{text}” is not a valid card number.</source>
        <translation>“{text}”不是有效的卡号。</translation>
    </message>
    <message>
        <source>Unknown card layout “{layout}”.</source>
        <translation>未知的会员卡版式“{layout}”。</translation>
    </message>
    <message>
        <source>Choose at least one member card to print.</source>
        <translation>请至少选择一张要打印的会员卡。</translation>
    </message>
    <message>
        <source>This member has no card number yet.</source>
        <translation>该会员还没有卡号。</translation>
    </message>
    <message>
        <source>Unknown kind of membership “{kind}”.</source>
        <translation>未知的会员类别“{kind}”。</translation>
    </message>
    <message>
        <source>Files of type “{ext}” cannot be written; use .xlsx or .csv.</source>
        <translation>不能导出为“{ext}”类型的文件；请使用 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>The file cannot be written: {reason}.</source>
        <translation>无法写入该文件：{reason}。</translation>
    </message>
    <message>
        <source>The export was cancelled after {rows_done} rows; no file was written.</source>
        <translation>导出在第 {rows_done} 行后被取消，未写入文件。</translation>
    </message>
    <message>
        <source>This file is not a text or spreadsheet file.</source>
        <translation>该文件不是文本或电子表格文件。</translation>
    </message>
    <message>
        <source>The birthday is not a date (use e.g. 1990-05-20).</source>
        <translation>生日不是有效日期（例如 1990-05-20）。</translation>
    </message>
    <message>
        <source>The birthday must be between {min} and {max}.</source>
        <translation>生日必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <source>The import was cancelled after {rows_done} rows; nothing was saved.</source>
        <translation>导入在第 {rows_done} 行后被取消，未保存任何数据。</translation>
    </message>
    <message>
        <source>The file is not valid CSV near row {row} ({reason}).</source>
        <translation>文件在第 {row} 行附近不是有效的 CSV 格式（{reason}）。</translation>
    </message>
    <message>
        <source>The text of row {row} cannot be read; save the file as UTF-8 and try again.</source>
        <translation>第 {row} 行的文字无法识别，请把文件另存为 UTF-8 编码后重试。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>The column “{column}” cannot be used for “{field_name}”.</source>
        <translation>“{column}”列不能对应到“{field_name}”。</translation>
    </message>
    <message>
        <source>These columns are needed but missing: {columns}.</source>
        <translation>缺少必需的列：{columns}。</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>找不到该文件。</translation>
    </message>
    <message>
        <source>The file is not a valid Excel workbook (.xlsx).</source>
        <translation>该文件不是有效的 Excel 工作簿（.xlsx）。</translation>
    </message>
    <message>
        <source>The phone number was saved by Excel as a number like 1.38E+10, which lost digits. Format the column as text and export again.</source>
        <translation>手机号被 Excel 存成了类似 1.38E+10 的科学计数法，丢失了数字。请把该列设为文本格式后重新导出。</translation>
    </message>
    <message>
        <source>The workbook has no sheet “{sheet}”.</source>
        <translation>工作簿中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
        <source>The text encoding of the file cannot be recognised (near byte {offset}). Save it as UTF-8 and try again.</source>
        <translation>无法识别文件的文字编码（约第 {offset} 字节处）。请另存为 UTF-8 编码后重试。</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}.</source>
        <translation>无法读取该文件：{reason}。</translation>
    </message>
    <message>
        <source>Files of type “{ext}” cannot be imported; use .xlsx or .csv.</source>
        <translation>不能导入“{ext}”类型的文件；请使用 .xlsx 或 .csv。</translation>
    </message>
    <message>
        <source>Old Excel files (.xls) cannot be read; save it as .xlsx in Excel and try again.</source>
        <translation>无法读取旧版 Excel 文件（.xls）；请在 Excel 中另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <source>The Excel file is damaged ({reason}).</source>
        <translation>该 Excel 文件已损坏（{reason}）。</translation>
    </message>
    <message>
        <source>The months given do not match the months of the plan.</source>
        <translation>所填月份与计划的月份不一致。</translation>
    </message>
    <message>
        <source>An adjustment cannot be zero.</source>
        <translation>调整金额不能为零。</translation>
    </message>
    <message>
        <source>Choose the month in which the annual bonus is paid.</source>
        <translation>请选择年终奖发放的月份。</translation>
    </message>
    <message>
        <source>The annual bonus is paid in month {due}, not in month {month}.</source>
        <translation>年终奖在 {due} 月发放，而不是 {month} 月。</translation>
    </message>
    <message>
        <source>An apprentice&apos;s attainment must be a percentage of zero or more.</source>
        <translation>徒弟的达成率必须是大于或等于零的百分比。</translation>
    </message>
    <message>
        <source>A commission bracket&apos;s bounds must be amounts.</source>
        <translation>提成档位的上下限必须是金额。</translation>
    </message>
    <message>
        <source>A commission bracket must end above where it starts.</source>
        <translation>提成档位的上限必须高于下限。</translation>
    </message>
    <message>
        <source>The commission brackets leave a gap; each must start where the one before ends.</source>
        <translation>提成档位之间有空缺；每一档都应从上一档结束处开始。</translation>
    </message>
    <message>
        <source>The last commission bracket must have no upper limit.</source>
        <translation>最后一个提成档位不能设上限。</translation>
    </message>
    <message>
        <source>The first commission bracket must start at zero (not at {lower}).</source>
        <translation>第一个提成档位必须从零开始（而不是 {lower}）。</translation>
    </message>
    <message>
        <source>The commission brackets overlap.</source>
        <translation>提成档位之间有重叠。</translation>
    </message>
    <message>
        <source>Only the last commission bracket may have no upper limit.</source>
        <translation>只有最后一个提成档位可以不设上限。</translation>
    </message>
    <message>
        <source>List the commission brackets from the lowest to the highest.</source>
        <translation>请按从低到高的顺序排列提成档位。</translation>
    </message>
    <message>
        <source>Add at least one commission bracket.</source>
        <translation>请至少添加一个提成档位。</translation>
    </message>
    <message>
        <source>The performance pay cap must be between {min} and {max}.</source>
        <translation>绩效工资上限必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Only a negative balance can be carried into the next month.</source>
        <translation>只有负数余额才能结转到下个月。</translation>
    </message>
    <message>
        <source>{participant} is entered in the contest twice.</source>
        <translation>{participant} 在 PK 赛中重复报名了。</translation>
    </message>
    <message>
        <source>The contest result of {participant} must be a number of zero or more.</source>
        <translation>{participant} 的 PK 成绩必须是大于或等于零的数字。</translation>
    </message>
    <message>
        <source>Enter a whole number of zero or more.</source>
        <translation>请输入大于或等于零的整数。</translation>
    </message>
    <message>
        <source>The leaving date is before the joining date.</source>
        <translation>离职日期早于入职日期。</translation>
    </message>
    <message>
        <source>Choose a month from 1 to 12.</source>
        <translation>请选择 1 到 12 月。</translation>
    </message>
    <message>
        <source>This pay scheme has no mentor rule, so apprentices cannot be counted.</source>
        <translation>该薪酬方案没有师徒规则，无法计算徒弟业绩。</translation>
    </message>
    <message>
        <source>A prize must be an amount of zero or more.</source>
        <translation>奖金必须是大于或等于零的金额。</translation>
    </message>
    <message>
        <source>A commission rate cannot be negative.</source>
        <translation>提成比例不能为负数。</translation>
    </message>
    <message>
        <source>A commission rate cannot be over 100%.</source>
        <translation>提成比例不能超过 100%。</translation>
    </message>
    <message>
        <source>Give a reason for the adjustment.</source>
        <translation>请填写调整原因。</translation>
    </message>
    <message>
        <source>The assessment score must be between 0 and 100.</source>
        <translation>考核得分必须在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>This person has no assessment score for the month yet.</source>
        <translation>此人本月还没有考核得分。</translation>
    </message>
    <message>
        <source>The annual bonus share must be between 0 and 100%.</source>
        <translation>年终奖比例必须在 0 到 100% 之间。</translation>
    </message>
    <message>
        <source>The standard line must be a percentage greater than zero.</source>
        <translation>标准线必须是大于零的百分比。</translation>
    </message>
    <message>
        <source>Set a target first: performance pay depends on it.</source>
        <translation>请先设定目标：绩效工资要据此计算。</translation>
    </message>
    <message>
        <source>The birthday is not a valid date.</source>
        <translation>生日不是有效日期。</translation>
    </message>
    <message>
        <source>This phone number already belongs to {existing_name}.</source>
        <translation>该手机号已属于会员 {existing_name}。</translation>
    </message>
    <message>
        <source>Choose female, male or leave it empty.</source>
        <translation>请选择女、男或留空。</translation>
    </message>
    <message>
        <source>A member cannot refer themselves.</source>
        <translation>会员不能推荐自己。</translation>
    </message>
    <message>
        <source>This channel needs the referring member.</source>
        <translation>该渠道需要填写推荐会员。</translation>
    </message>
    <message>
        <source>Choose the referrer from this store&apos;s members.</source>
        <translation>请从本店会员中选择推荐人。</translation>
    </message>
    <message>
        <source>Choose a person from this store&apos;s staff.</source>
        <translation>请从本店员工中选择。</translation>
    </message>
    <message>
        <source>Choose a membership tier from the list.</source>
        <translation>请从列表中选择会员等级。</translation>
    </message>
    <message>
        <source>This action could not be identified; please try again.</source>
        <translation>无法识别此次操作，请重试。</translation>
    </message>
    <message>
        <source>This action was already recorded as a different one; nothing was posted twice.</source>
        <translation>此操作编号已被另一笔业务使用，未重复记账。</translation>
    </message>
    <message>
        <source>The period must end ({end}) on or after its start ({start}).</source>
        <translation>结束日期（{end}）不能早于开始日期（{start}）。</translation>
    </message>
    <message>
        <source>The green line ({green}) must be above the amber line ({amber}).</source>
        <translation>绿色线（{green}）必须高于黄色线（{amber}）。</translation>
    </message>
    <message>
        <source>Unknown payment method “{method}”.</source>
        <translation>未知的支付方式“{method}”。</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>请输入手机号。</translation>
    </message>
    <message>
        <source>A phone number cannot contain “{char}”.</source>
        <translation>手机号中不能有“{char}”。</translation>
    </message>
    <message>
        <source>This is a landline number; enter a mobile number.</source>
        <translation>这是固定电话号码，请输入手机号。</translation>
    </message>
    <message>
        <source>No mobile number starts with {prefix}; check the number.</source>
        <translation>没有以 {prefix} 开头的手机号，请核对号码。</translation>
    </message>
    <message>
        <source>Unknown country calling code +{calling_code}.</source>
        <translation>未知的国际区号 +{calling_code}。</translation>
    </message>
    <message>
        <source>Phone numbers of “{country}” are not supported.</source>
        <translation>不支持“{country}”的电话号码。</translation>
    </message>
    <message>
        <source>The number has {got} digits; a mobile number here has {expected}.</source>
        <translation>号码有 {got} 位，这里的手机号应为 {expected} 位。</translation>
    </message>
    <message>
        <source>Another product already has this name.</source>
        <translation>已有同名的产品。</translation>
    </message>
    <message>
        <source>Only a membership product can grant a tier.</source>
        <translation>只有会员资格类产品才能关联会员等级。</translation>
    </message>
    <message>
        <source>A membership product needs the tier it grants.</source>
        <translation>会员资格类产品需要指定对应的会员等级。</translation>
    </message>
    <message>
        <source>The attainment of {person} must be a percentage of zero or more.</source>
        <translation>{person} 的达成率必须是大于或等于零的百分比。</translation>
    </message>
    <message>
        <source>A level code may use letters, digits and underscores only.</source>
        <translation>职级代码只能使用字母、数字和下划线。</translation>
    </message>
    <message>
        <source>The count for level “{code}” must be a whole number of zero or more.</source>
        <translation>职级“{code}”的数量必须是大于或等于零的整数。</translation>
    </message>
    <message>
        <source>Level “{code}” has a requirement that is not known.</source>
        <translation>职级“{code}”有一个未知的晋升条件。</translation>
    </message>
    <message>
        <source>The level code “{code}” is used twice.</source>
        <translation>职级代码“{code}”重复了。</translation>
    </message>
    <message>
        <source>Two levels have the same rank (“{code}”).</source>
        <translation>有两个职级的级别相同（“{code}”）。</translation>
    </message>
    <message>
        <source>{person} is at level “{level}”, which is not on the promotion path.</source>
        <translation>{person} 当前的职级“{level}”不在晋升通道中。</translation>
    </message>
    <message>
        <source>The minimum attainment for level “{code}” must be a percentage of zero or more.</source>
        <translation>职级“{code}”的最低达成率必须是大于或等于零的百分比。</translation>
    </message>
    <message>
        <source>Choose a valid month.</source>
        <translation>请选择有效的月份。</translation>
    </message>
    <message>
        <source>The number of months for level “{code}” must be between {min} and {max}.</source>
        <translation>职级“{code}”的月数必须在 {min} 到 {max} 之间。</translation>
    </message>
    <message>
        <source>Level “{code}” needs at least one requirement.</source>
        <translation>职级“{code}”至少需要一个晋升条件。</translation>
    </message>
    <message>
        <source>The rank of level “{code}” must be a whole number of one or more.</source>
        <translation>职级“{code}”的级别必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>The receipt&apos;s stored-value balance is incomplete.</source>
        <translation>小票上的储值余额信息不完整。</translation>
    </message>
    <message>
        <source>Receipt line {line} adds up to {got}, not {expected}.</source>
        <translation>小票第 {line} 行合计为 {got}，而不是 {expected}。</translation>
    </message>
    <message>
        <source>The receipt has no lines.</source>
        <translation>小票上没有任何明细。</translation>
    </message>
    <message>
        <source>Unknown receipt paper “{paper}”.</source>
        <translation>未知的小票纸张规格“{paper}”。</translation>
    </message>
    <message>
        <source>The receipt&apos;s lines add up to {got}, not to the total {expected}.</source>
        <translation>小票明细合计为 {got}，与总额 {expected} 不符。</translation>
    </message>
    <message>
        <source>This sale has already been refunded.</source>
        <translation>该笔销售已经退款。</translation>
    </message>
    <message>
        <source>Add at least one product to the sale.</source>
        <translation>请至少添加一件产品。</translation>
    </message>
    <message>
        <source>The member already holds a higher tier than {tier}.</source>
        <translation>该会员当前的等级已高于 {tier}。</translation>
    </message>
    <message>
        <source>A membership can only be sold to a member: choose the customer first.</source>
        <translation>会员资格只能卖给具体会员：请先选择客户。</translation>
    </message>
    <message>
        <source>This sale cannot be refunded.</source>
        <translation>该笔销售不能退款。</translation>
    </message>
    <message>
        <source>The quantity must be a whole number from 1 to {max}.</source>
        <translation>数量必须是 1 到 {max} 之间的整数。</translation>
    </message>
    <message>
        <source>Choose a product from the list.</source>
        <translation>请从列表中选择产品。</translation>
    </message>
    <message>
        <source>A stored-value entry of kind “{kind}” is not valid.</source>
        <translation>类型为“{kind}”的储值记录无效。</translation>
    </message>
    <message>
        <source>An entry of kind “{kind}” cannot be reversed.</source>
        <translation>类型为“{kind}”的记录不能冲正。</translation>
    </message>
    <message>
        <source>Not enough stored value for this amount.</source>
        <translation>储值余额不足以支付该金额。</translation>
    </message>
    <message>
        <source>The stored-value ledger would go below zero.</source>
        <translation>储值账户余额将变为负数。</translation>
    </message>
    <message>
        <source>There is no stored value to refund.</source>
        <translation>没有可退的储值。</translation>
    </message>
    <message>
        <source>A refund cannot be more than the amount actually paid in (bonus is not refunded).</source>
        <translation>退款不能超过实际充值的本金（赠送部分不退）。</translation>
    </message>
    <message>
        <source>This entry belongs to a sale; refund the sale instead.</source>
        <translation>该记录属于一笔销售，请对销售办理退款。</translation>
    </message>
    <message>
        <source>The history for {key} is not valid.</source>
        <translation>{key} 的历史数据无效。</translation>
    </message>
    <message>
        <source>The history cannot contain negative figures ({which}).</source>
        <translation>历史数据中不能有负数（{which}）。</translation>
    </message>
    <message>
        <source>{month} is not a month (1 to 12).</source>
        <translation>{month} 不是有效月份（1 到 12）。</translation>
    </message>
    <message>
        <source>{year} is not a valid year.</source>
        <translation>{year} 不是有效年份。</translation>
    </message>
    <message>
        <source>Give a figure for each of the 12 months (not {count}).</source>
        <translation>请为 12 个月分别填写数值（不是 {count} 个）。</translation>
    </message>
    <message>
        <source>The share of month {month} cannot be negative.</source>
        <translation>{month} 月的占比不能为负数。</translation>
    </message>
    <message>
        <source>The target cannot be negative ({value}).</source>
        <translation>目标不能为负数（{value}）。</translation>
    </message>
    <message>
        <source>The weight of {unit} cannot be negative.</source>
        <translation>{unit} 的权重不能为负数。</translation>
    </message>
    <message>
        <source>There are no figures for {year} to learn from.</source>
        <translation>没有 {year} 年的数据可供参考。</translation>
    </message>
    <message>
        <source>Last year&apos;s figures do not give a ratio for {ratio}.</source>
        <translation>去年的数据无法算出 {ratio} 的比率。</translation>
    </message>
    <message>
        <source>Add at least one department or person to split the target between.</source>
        <translation>请至少添加一个部门或人员来分解目标。</translation>
    </message>
    <message>
        <source>{year}-{month} has no working days to spread the target over.</source>
        <translation>{year} 年 {month} 月没有可分配目标的工作日。</translation>
    </message>
    <message>
        <source>The monthly shares add up to {sum}%; they must add up to 100%.</source>
        <translation>各月占比合计为 {sum}%，必须等于 100%。</translation>
    </message>
    <message>
        <source>The daily plan of {unit} for {indicator} in {year}-{month} covers {actual} days, not {expected}.</source>
        <translation>{unit} 在 {year} 年 {month} 月的 {indicator} 日计划覆盖了 {actual} 天，应为 {expected} 天。</translation>
    </message>
    <message>
        <source>The plan lists {indicator} for {unit} twice.</source>
        <translation>计划中 {unit} 的 {indicator} 重复了。</translation>
    </message>
    <message>
        <source>The saved plan is not valid ({path}).</source>
        <translation>保存的计划无效（{path}）。</translation>
    </message>
    <message>
        <source>The plan of {indicator} for {unit} must cover all 12 months.</source>
        <translation>{unit} 的 {indicator} 计划必须覆盖全部 12 个月。</translation>
    </message>
    <message>
        <source>The plan of {indicator} for {unit} is negative in month {month}.</source>
        <translation>{unit} 的 {indicator} 计划在 {month} 月为负数。</translation>
    </message>
    <message>
        <source>The parts of {indicator} for {unit} ({level}, month {month}) add up to {actual}, not {expected}.</source>
        <translation>{unit} 的 {indicator}（{level}，{month} 月）各部分合计为 {actual}，而不是 {expected}。</translation>
    </message>
    <message>
        <source>{indicator} cannot be worked back from the sales target.</source>
        <translation>{indicator} 无法由销售目标倒推。</translation>
    </message>
    <message>
        <source>The figure is too large (at most {max}).</source>
        <translation>数值过大（最多 {max}）。</translation>
    </message>
    <message>
        <source>Give a weight for each of the 7 weekdays (not {count}).</source>
        <translation>请为一周 7 天分别填写权重（不是 {count} 个）。</translation>
    </message>
    <message>
        <source>A bonus cannot be more than the top-up itself.</source>
        <translation>赠送金额不能超过充值金额本身。</translation>
    </message>
    <message>
        <source>Two bonus brackets start at the same top-up amount.</source>
        <translation>有两个赠送档位的起充金额相同。</translation>
    </message>
    <message>
        <source>A bigger top-up must earn a bigger bonus.</source>
        <translation>充值金额越高，赠送金额也应越高。</translation>
    </message>
    <message>
        <source>“{text}” is not a discount; type e.g. 8.8 (折) or 88%.</source>
        <translation>“{text}”不是有效折扣；请输入例如 8.8（折）或 88%。</translation>
    </message>
    <message>
        <source>The discount must be more than 0 and at most 10 (no discount).</source>
        <translation>折扣必须大于 0 且不超过 10（即不打折）。</translation>
    </message>
    <message>
        <source>The tier {tier} appears twice.</source>
        <translation>会员等级 {tier} 重复了。</translation>
    </message>
    <message>
        <source>Another tier is already called “{tier}”.</source>
        <translation>已有名为“{tier}”的会员等级。</translation>
    </message>
    <message>
        <source>Two tiers have the same rank ({tier}).</source>
        <translation>有两个会员等级的级别相同（{tier}）。</translation>
    </message>
    <message>
        <source>A lapsed {tier} member can only fall back to a lower tier.</source>
        <translation>{tier} 会员过期后只能降到更低的等级。</translation>
    </message>
    <message>
        <source>The tier a lapsed {tier} member falls back to does not exist.</source>
        <translation>{tier} 会员过期后降级的目标等级不存在。</translation>
    </message>
    <message>
        <source>{members} members hold the tier “{tier}”; it cannot be removed.</source>
        <translation>有 {members} 位会员持有“{tier}”等级，不能删除。</translation>
    </message>
    <message>
        <source>Choose bait, regular or partner membership.</source>
        <translation>请选择鱼饵会员、常态会员或合伙人会员。</translation>
    </message>
    <message>
        <source>The rank must be a whole number of one or more.</source>
        <translation>级别必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>This upgrade rule appears twice.</source>
        <translation>该升级规则重复了。</translation>
    </message>
    <message>
        <source>An upgrade rule needs a top-up or spending threshold.</source>
        <translation>升级规则需要设定充值或消费门槛。</translation>
    </message>
    <message>
        <source>An upgrade rule must lead to a higher tier.</source>
        <translation>升级规则必须升到更高的等级。</translation>
    </message>
    <message>
        <source>An upgrade rule names a tier that does not exist.</source>
        <translation>升级规则中引用了不存在的会员等级。</translation>
    </message>
    <message>
        <source>The validity must be between {min} and {max} days.</source>
        <translation>有效期必须在 {min} 到 {max} 天之间。</translation>
    </message>
    <message>
        <source>“{text}” is not a date. Type it like 2026-11-23.</source>
        <translation>“{text}”不是有效日期。请按 2026-11-23 的格式输入。</translation>
    </message>
    <message>
        <source>The deposit cannot be larger than the full price.</source>
        <translation>定金不能高于全款价格。</translation>
    </message>
    <message>
        <source>Capacity must be a whole number of at least 1, or empty for no limit.</source>
        <translation>名额必须是大于或等于 1 的整数；留空表示不限名额。</translation>
    </message>
    <message>
        <source>This date must come after {after}.</source>
        <translation>此日期必须晚于 {after}。</translation>
    </message>
    <message>
        <source>Refund shares must lie between 0 and 100 %, and the share after the deadline cannot exceed the share before it.</source>
        <translation>退款比例必须在 0 到 100% 之间，且截止日之后的退款比例不能高于截止日之前的比例。</translation>
    </message>
    <message>
        <source>A {from_status} launch cannot become {to_status}.</source>
        <translation>发售活动不能从“{from_status}”状态变为“{to_status}”。</translation>
    </message>
    <message>
        <source>This launch is {status}: {action} is not possible.</source>
        <translation>该发售活动当前为“{status}”状态，不能进行“{action}”操作。</translation>
    </message>
    <message>
        <source>Entries open on {opens}.</source>
        <translation>{opens} 开始接受报名。</translation>
    </message>
    <message>
        <source>The lock deadline ({deadline}) has passed.</source>
        <translation>锁定截止日期（{deadline}）已过。</translation>
    </message>
    <message>
        <source>This launch requires a lock (a paid deposit) before the full payment.</source>
        <translation>该发售活动要求先锁定（交付定金），才能支付全款。</translation>
    </message>
    <message>
        <source>This customer already holds a lock on this launch.</source>
        <translation>该客户已经锁定了这次发售。</translation>
    </message>
    <message>
        <source>Nothing has been paid that could be refunded.</source>
        <translation>没有可退的已付款项。</translation>
    </message>
    <message>
        <source>The refund cannot exceed what was paid ({max}).</source>
        <translation>退款不能超过已付金额（{max}）。</translation>
    </message>
    <message>
        <source>The launch’s refund rule allows at most {max} now.</source>
        <translation>按该发售活动的退款规则，目前最多可退 {max}。</translation>
    </message>
    <message>
        <source>Counts must be whole numbers of at least 0.</source>
        <translation>数量必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>Deposit ledger entry {index} is malformed.</source>
        <translation>定金流水第 {index} 条记录格式有误。</translation>
    </message>
    <message>
        <source>The deposit held for customer {customer_id} went below zero at entry {index}.</source>
        <translation>客户 {customer_id} 的定金余额在第 {index} 条记录处变成了负数。</translation>
    </message>
    <message>
        <source>Enter at least one number of days.</source>
        <translation>请至少填写一个天数。</translation>
    </message>
    <message>
        <source>Enter a number from {min} to {max}.</source>
        <translation>请输入 {min} 到 {max} 之间的数字。</translation>
    </message>
    <message>
        <source>{value} is listed twice.</source>
        <translation>{value} 重复了。</translation>
    </message>
    <message>
        <source>This rule takes at most {max} numbers.</source>
        <translation>该规则最多只能填写 {max} 个数字。</translation>
    </message>
    <message>
        <source>The rule {rule} is defined twice.</source>
        <translation>规则 {rule} 重复设置了。</translation>
    </message>
    <message>
        <source>This is not a day of the year.</source>
        <translation>这不是有效的日期。</translation>
    </message>
    <message>
        <source>Enter a number of days from {min} to {max}.</source>
        <translation>请输入 {min} 到 {max} 之间的天数。</translation>
    </message>
    <message>
        <source>Choose whether a phone already registered is skipped or merged.</source>
        <translation>请选择手机号已登记时是跳过还是合并。</translation>
    </message>
    <message>
        <source>There is no active staff login “{login}” in this database.</source>
        <translation>该数据库中没有在职员工账号“{login}”。</translation>
    </message>
    <message>
        <source>Same phone as row {first_row}.</source>
        <translation>手机号与第 {first_row} 行相同。</translation>
    </message>
    <message>
        <source>Same card number as row {first_row}.</source>
        <translation>卡号与第 {first_row} 行相同。</translation>
    </message>
    <message>
        <source>A member cannot refer themself.</source>
        <translation>会员不能推荐自己。</translation>
    </message>
    <message>
        <source>This referrer was brought in, directly or through others, by this customer: the referral would go round in a circle.</source>
        <translation>该推荐人本身是由这位客户直接或间接推荐来的，这样推荐关系会形成循环。</translation>
    </message>
    <message>
        <source>The referrer is not a known customer.</source>
        <translation>推荐人不是已登记的客户。</translation>
    </message>
    <message>
        <source>A customer is listed twice.</source>
        <translation>有客户重复出现。</translation>
    </message>
    <message>
        <source>No such customer in the referral tree.</source>
        <translation>推荐关系中没有这位客户。</translation>
    </message>
    <message>
        <source>Enter a qualifying amount above zero.</source>
        <translation>请输入大于零的达标金额。</translation>
    </message>
    <message>
        <source>Give the referrer a bonus amount or a gift.</source>
        <translation>请为推荐人设置赠送金额或礼品。</translation>
    </message>
    <message>
        <source>A rule gives either a stored-value bonus or a gift, not both.</source>
        <translation>一条规则只能赠送储值或礼品，不能两者都送。</translation>
    </message>
    <message>
        <source>Two rules for the same payment have the same qualifying amount.</source>
        <translation>同一类付款有两条规则的达标金额相同。</translation>
    </message>
    <message>
        <source>The refunds are more than the qualifying payment.</source>
        <translation>退款金额超过了达标付款金额。</translation>
    </message>
    <message>
        <source>Choose a year from 1900 to 9999.</source>
        <translation>请选择 1900 到 9999 之间的年份。</translation>
    </message>
    <message>
        <source>Enter a whole number, zero or more.</source>
        <translation>请输入大于或等于零的整数。</translation>
    </message>
    <message>
        <source>A commission rate cannot exceed 100%.</source>
        <translation>提成比例不能超过 100%。</translation>
    </message>
    <message>
        <source>Choose one of the options.</source>
        <translation>请从选项中选择一项。</translation>
    </message>
    <message>
        <source>Two levels have the same {which}.</source>
        <translation>有两个级别的 {which} 相同。</translation>
    </message>
    <message>
        <source>These sales are not all in the same month.</source>
        <translation>这些销售不在同一个月内。</translation>
    </message>
    <message>
        <source>The refund is more than what is left of the sale.</source>
        <translation>退款金额超过了该笔销售的剩余金额。</translation>
    </message>
    <message>
        <source>There is no commission available to pay out.</source>
        <translation>没有可发放的提成。</translation>
    </message>
    <message>
        <source>More than the commission available was asked for.</source>
        <translation>申请的金额超过了可发放的提成。</translation>
    </message>
    <message>
        <source>Choose cash or stored value.</source>
        <translation>请选择现金或储值。</translation>
    </message>
    <message>
        <source>A ledger entry has the wrong sign or fields.</source>
        <translation>有一条流水记录的正负号或字段有误。</translation>
    </message>
    <message>
        <source>Commission for this sale was already posted.</source>
        <translation>这笔销售的提成已经入账。</translation>
    </message>
    <message>
        <source>A clawback has no commission to take back.</source>
        <translation>没有可扣回的提成。</translation>
    </message>
    <message>
        <source>More commission was taken back than was posted for this sale.</source>
        <translation>扣回的提成超过了这笔销售已入账的提成。</translation>
    </message>
    <message>
        <source>A payout was more than the commission available that day.</source>
        <translation>有一笔发放金额超过了当天可发放的提成。</translation>
    </message>
    <message>
        <source>The contract ends before it starts.</source>
        <translation>合作结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The revenue share cannot be negative.</source>
        <translation>分成比例不能为负数。</translation>
    </message>
    <message>
        <source>The revenue share cannot exceed 100%.</source>
        <translation>分成比例不能超过 100%。</translation>
    </message>
    <message>
        <source>Enter a number of months from {min} to {max}.</source>
        <translation>请输入 {min} 到 {max} 之间的月数。</translation>
    </message>
    <message>
        <source>A revenue share needs the number of months it runs.</source>
        <translation>设置分成时需要填写分成月数。</translation>
    </message>
    <message>
        <source>Choose a month from 1 to 12 of a year from 1900 to 9999.</source>
        <translation>请选择 1900 到 9999 年之间、1 到 12 月中的一个月份。</translation>
    </message>
    <message>
        <source>Spend was given for a customer who is not the pond&apos;s.</source>
        <translation>填写了不属于该鱼塘的客户的消费。</translation>
    </message>
    <message>
        <source>The settlement of {year}-{month} is locked; corrections go into the next month.</source>
        <translation>{year}-{month} 的结算已锁定，更正请记入下个月。</translation>
    </message>
    <message>
        <source>{year}-{month} has not ended yet.</source>
        <translation>{year}-{month} 还没有结束。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Choose a channel.</source>
        <translation>请选择渠道。</translation>
    </message>
    <message>
        <source>Choose the kind of cost.</source>
        <translation>请选择费用类型。</translation>
    </message>
    <message>
        <source>Choose a source from the list.</source>
        <translation>请从列表中选择来源渠道。</translation>
    </message>
    <message>
        <source>Choose a stage from the list.</source>
        <translation>请从列表中选择客户阶段。</translation>
    </message>
    <message>
        <source>Choose a kind from the list.</source>
        <translation>请从列表中选择类型。</translation>
    </message>
    <message>
        <source>Keep at least one backup (and at most {max}).</source>
        <translation>至少保留一份备份（最多 {max} 份）。</translation>
    </message>
    <message>
        <source>This backup is damaged ({reason}); it cannot be restored. Choose an older one.</source>
        <translation>此备份已损坏（{reason}），无法用于恢复。请选择更早的一份。</translation>
    </message>
    <message>
        <source>Choose today, overdue or upcoming.</source>
        <translation>请选择今天、已逾期或即将到期。</translation>
    </message>
    <message>
        <source>Select at least one follow-up.</source>
        <translation>请至少选择一条跟进。</translation>
    </message>
    <message>
        <source>Snooze to a day after today.</source>
        <translation>请推迟到今天之后的某一天。</translation>
    </message>
    <message>
        <source>This colleague has left; choose someone who works here now.</source>
        <translation>该同事已离职，请选择目前在职的人。</translation>
    </message>
    <message>
        <source>This follow-up is already done or cancelled.</source>
        <translation>这条跟进已经完成或已取消。</translation>
    </message>
    <message>
        <source>Choose a colleague of this store.</source>
        <translation>请选择本店的同事。</translation>
    </message>
    <message>
        <source>This follow-up no longer exists; refresh the list.</source>
        <translation>这条跟进已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>A colleague is chosen twice.</source>
        <translation>有同事被重复选择。</translation>
    </message>
    <message>
        <source>Choose at least one colleague to hand over to.</source>
        <translation>请至少选择一位接手的同事。</translation>
    </message>
    <message>
        <source>A chosen colleague has left; choose someone who works here now.</source>
        <translation>所选的同事已离职，请选择目前在职的人。</translation>
    </message>
    <message>
        <source>The person handing over cannot also receive.</source>
        <translation>交出客户的人不能同时是接手人。</translation>
    </message>
    <message>
        <source>Give every colleague a share of zero or more, and not all zero.</source>
        <translation>每位同事的分配比例须大于或等于零，且不能全部为零。</translation>
    </message>
    <message>
        <source>The offer ends before it starts.</source>
        <translation>主张的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Say why the stage differs from what the purchases show.</source>
        <translation>请说明客户阶段为什么与消费记录不一致。</translation>
    </message>
    <message>
        <source>The customer is already at this stage.</source>
        <translation>该客户已经处于这个阶段。</translation>
    </message>
    <message>
        <source>This operation has already been reversed.</source>
        <translation>该操作已经冲正过了。</translation>
    </message>
    <message>
        <source>The next follow-up cannot be in the past.</source>
        <translation>下次跟进的日期不能早于今天。</translation>
    </message>
    <message>
        <source>An effective visit needs its outcome.</source>
        <translation>有效拜访需要填写结果。</translation>
    </message>
    <message>
        <source>This colleague has left; visits are logged for people who work here now.</source>
        <translation>该同事已离职；只能为在职人员记录拜访。</translation>
    </message>
    <message>
        <source>This follow-up belongs to another customer.</source>
        <translation>这条跟进属于另一位客户。</translation>
    </message>
    <message>
        <source>Choose call, meeting, store visit or WeChat.</source>
        <translation>请选择电话、面谈、到店或微信。</translation>
    </message>
    <message>
        <source>Choose the customer from the list.</source>
        <translation>请从列表中选择客户。</translation>
    </message>
    <message>
        <source>The plan names a person who is not on the staff list.</source>
        <translation>计划中有不在员工名单里的人。</translation>
    </message>
    <message>
        <source>The plan names “{unit}”, which is not a person.</source>
        <translation>计划中的“{unit}”不是员工。</translation>
    </message>
    <message>
        <source>The plan has no targets to save.</source>
        <translation>计划里没有可保存的目标。</translation>
    </message>
    <message>
        <source>The end date must be on or after the start date.</source>
        <translation>结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>There is no plan for {year} yet.</source>
        <translation>{year} 年还没有计划。</translation>
    </message>
    <message>
        <source>“{name}” is already used; choose another name.</source>
        <translation>“{name}”已被使用，请换一个名称。</translation>
    </message>
    <message>
        <source>Choose a department of this store.</source>
        <translation>请选择本店的部门。</translation>
    </message>
    <message>
        <source>This position no longer exists; refresh the list.</source>
        <translation>该岗位已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>Choose a position of this store.</source>
        <translation>请选择本店的岗位。</translation>
    </message>
    <message>
        <source>Choose a person of this store.</source>
        <translation>请选择本店的员工。</translation>
    </message>
    <message>
        <source>Choose a month between 2000 and 2100.</source>
        <translation>请选择 2000 到 2100 年之间的月份。</translation>
    </message>
    <message>
        <source>The pay run for {year}-{month} is locked and cannot be changed. Enter a correction as an adjustment in a later month.</source>
        <translation>{year}年{month}月的薪酬核算已锁定，不能修改。请在以后月份以调整项录入更正。</translation>
    </message>
    <message>
        <source>The run cannot be locked yet: the pay of {names} could not be worked out. Fix what their slips name, then draft the run again.</source>
        <translation>暂时不能锁定：{names} 的薪酬无法核算。请按其工资条上的提示处理后重新生成草稿。</translation>
    </message>
    <message>
        <source>There is no pay run for {year}-{month} yet. Draft it first.</source>
        <translation>{year}年{month}月还没有薪酬核算，请先生成草稿。</translation>
    </message>
    <message>
        <source>The run&apos;s totals do not add up; draft it again before locking.</source>
        <translation>核算合计对不上，请重新生成草稿后再锁定。</translation>
    </message>
    <message>
        <source>Choose a deduction or an adjustment.</source>
        <translation>请选择扣款或调整。</translation>
    </message>
    <message>
        <source>Name the locked month this adjustment corrects, e.g. 2026-03.</source>
        <translation>请写明本调整更正的已锁定月份，例如 2026-03。</translation>
    </message>
    <message>
        <source>This entry no longer exists; refresh the list.</source>
        <translation>该条目已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>Give the contest a name.</source>
        <translation>请给 PK 赛起个名字。</translation>
    </message>
    <message>
        <source>Choose what the contest counts: visits, deals, revenue or new members.</source>
        <translation>请选择比赛指标：拜访量、成交数、销售额或新会员。</translation>
    </message>
    <message>
        <source>The contest ends before it starts.</source>
        <translation>比赛结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Add at least one participant.</source>
        <translation>请至少添加一名参赛者。</translation>
    </message>
    <message>
        <source>Choose each participant once, from this store&apos;s staff.</source>
        <translation>参赛者须为本店员工，且每人只能选一次。</translation>
    </message>
    <message>
        <source>In a team contest every participant needs a team.</source>
        <translation>团队赛中每位参赛者都要分配团队。</translation>
    </message>
    <message>
        <source>Enter one to {max} prizes, each an amount of zero or more.</source>
        <translation>请填写 1 到 {max} 个奖项，每项金额不小于零。</translation>
    </message>
    <message>
        <source>The slip of {person} does not add up: its lines make {expected}, its total says {got}.</source>
        <translation>{person} 的工资条对不上：各项合计 {expected}，总额却是 {got}。</translation>
    </message>
    <message>
        <source>Choose one slip per page or three per page.</source>
        <translation>请选择每页一人或每页三人。</translation>
    </message>
    <message>
        <source>There are no slips to print for this month.</source>
        <translation>本月没有可打印的工资条。</translation>
    </message>
    <message>
        <source>The pay run of the month this contest ends in is locked; its prizes could not be paid.</source>
        <translation>比赛结束当月的薪酬核算已锁定，奖金将无法发放。</translation>
    </message>
    <message>
        <source>This customer is already a promoter.</source>
        <translation>该客户已经是推广员。</translation>
    </message>
    <message>
        <source>Choose a promoter level from the list.</source>
        <translation>请从列表中选择推广员等级。</translation>
    </message>
    <message>
        <source>Choose a customer of this store.</source>
        <translation>请选择本店的客户。</translation>
    </message>
    <message>
        <source>This promoter has stopped; customers can no longer be credited to them.</source>
        <translation>该推广员已停用，不能再计入客户。</translation>
    </message>
    <message>
        <source>A promoter cannot be credited with bringing themself.</source>
        <translation>推广员不能把自己计为带来的客户。</translation>
    </message>
    <message>
        <source>The revenue bounds of bracket {index} must be whole amounts.</source>
        <translation>第 {index} 档的营业额界限必须是金额。</translation>
    </message>
    <message>
        <source>Another partner pond is already called “{name}”.</source>
        <translation>已有名为“{name}”的鱼塘。</translation>
    </message>
    <message>
        <source>This contract overlaps the one starting {start}; end that one first or start this one later.</source>
        <translation>该合同与 {start} 开始的合同重叠；请先结束那份合同，或推迟本合同的开始日期。</translation>
    </message>
    <message>
        <source>No contract of this pond covers {year}-{month}: there is nothing to settle.</source>
        <translation>该鱼塘没有覆盖 {year}-{month} 的合同：无需结算。</translation>
    </message>
    <message>
        <source>Choose what the money was spent on.</source>
        <translation>请选择费用用途。</translation>
    </message>
    <message>
        <source>Choose a period of at most {max} days.</source>
        <translation>请选择不超过 {max} 天的期间。</translation>
    </message>
    <message>
        <source>This was paid for a launch; refund it on the Launches page instead.</source>
        <translation>这笔款项用于发售活动；请在“发售”页面办理退款。</translation>
    </message>
    <message>
        <source>Choose a product from the list, or leave it empty and describe it.</source>
        <translation>请从列表中选择产品，或留空并填写说明。</translation>
    </message>
    <message>
        <source>Choose a staff member of this store.</source>
        <translation>请选择本店的员工。</translation>
    </message>
    <message>
        <source>The early-lock date must lie between the opening day and the lock deadline.</source>
        <translation>早鸟截止日期必须在开放日与锁定截止日之间。</translation>
    </message>
    <message>
        <source>This launch is already {status}: its prices, dates and refund rules can no longer change.</source>
        <translation>该发售已{status}：价格、日期和退款规则不能再修改。</translation>
    </message>
    <message>
        <source>{held} seats are already taken: the capacity cannot be lower.</source>
        <translation>已有 {held} 个名额被占用：名额不能再少。</translation>
    </message>
    <message>
        <source>This customer has already entered this launch.</source>
        <translation>该客户已进入本次发售。</translation>
    </message>
    <message>
        <source>This customer has already paid in full.</source>
        <translation>该客户已付全款。</translation>
    </message>
    <message>
        <source>This customer is already on the waiting list (number {position}).</source>
        <translation>该客户已在候补名单中（第 {position} 位）。</translation>
    </message>
    <message>
        <source>This customer is not on the waiting list.</source>
        <translation>该客户不在候补名单中。</translation>
    </message>
    <message>
        <source>The date range ends ({end}) before it starts ({start}).</source>
        <translation>日期范围的结束日({end})早于开始日({start})。</translation>
    </message>
    <message>
        <source>Choose a shorter date range: at most {days} days.</source>
        <translation>请选择更短的日期范围:最多 {days} 天。</translation>
    </message>
    <message>
        <source>There is no report for {month}: give a month that has begun, as YYYY-MM.</source>
        <translation>{month} 没有报告:请给出已开始的月份,格式 YYYY-MM。</translation>
    </message>
    <message>
        <source>The action could not be completed ({code}).</source>
        <translation>操作未能完成（{code}）。</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>From an Excel (.xlsx) or CSV file. UTF-8 and GBK files are both recognised. Nothing is saved before you confirm.</source>
        <translation>从 Excel（.xlsx）或 CSV 文件导入，UTF-8 和 GBK 编码都能识别。确认之前不会保存任何数据。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Phone already registered</source>
        <translation>手机号已登记时</translation>
    </message>
    <message>
        <source>&amp;Skip that row</source>
        <translation>跳过该行(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Merge: fill in what the member&apos;s record lacks</source>
        <translation>合并：补全会员资料中缺少的信息(&amp;M)</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
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
    <name>FollowUpsPage</name>
    <message>
        <source>%1 (snoozed to %2)</source>
        <translation>%1（已推迟至 %2）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>跟进原因</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Visit logged; the follow-up for %1 is done.</source>
        <translation>拜访已记录，%1 的跟进已完成。</translation>
    </message>
    <message>
        <source>%1 snoozed to %2.</source>
        <translation>%1 已推迟到 %2。</translation>
    </message>
    <message>
        <source>%1 follow-up(s) reassigned.</source>
        <translation>已重新分配 %1 条跟进。</translation>
    </message>
    <message>
        <source>Finding today&apos;s follow-ups…</source>
        <translation>正在查找今天的跟进…</translation>
    </message>
    <message>
        <source>Finding today&apos;s follow-ups… %1 (%2 of %3)</source>
        <translation>正在查找今天的跟进…%1(第 %2 项,共 %3 项)</translation>
    </message>
    <message>
        <source>%1 new follow-up(s) found.</source>
        <translation>找到 %1 条新的跟进。</translation>
    </message>
    <message>
        <source>Finding follow-ups went wrong; see the log.</source>
        <translation>查找跟进时出错，请查看日志。</translation>
    </message>
    <message>
        <source>Today (%1)</source>
        <translation>今天（%1）</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>已逾期（%1）</translation>
    </message>
    <message>
        <source>Next 7 days (%1)</source>
        <translation>未来 7 天（%1）</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>整个团队</translation>
    </message>
    <message>
        <source>&amp;Generate now</source>
        <translation>立即生成(&amp;G)</translation>
    </message>
    <message>
        <source>Apply the follow-up rules to every customer now (also done once a day)</source>
        <translation>立即对所有客户应用跟进规则（系统每天也会自动执行一次）</translation>
    </message>
    <message>
        <source>Log visit &amp;&amp; &amp;complete (Enter)</source>
        <translation>记录拜访并完成(&amp;C) (Enter)</translation>
    </message>
    <message>
        <source>&amp;Snooze… (Ctrl+S)</source>
        <translation>推迟(&amp;S)… (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Reassign…</source>
        <translation>重新分配(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Open customer (Ctrl+O)</source>
        <translation>打开客户(&amp;O) (Ctrl+O)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Nothing to follow up here. Well done.</source>
        <translation>这里没有需要跟进的客户，做得好！</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over customers and follow-ups</source>
        <translation>移交客户和跟进</translation>
    </message>
    <message>
        <source>Give them to</source>
        <translation>移交给</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>分配比例</translation>
    </message>
    <message>
        <source>2 takes twice as many customers as 1</source>
        <translation>填 2 的人分到的客户是填 1 的两倍</translation>
    </message>
    <message>
        <source>&amp;Hand over</source>
        <translation>移交(&amp;H)</translation>
    </message>
    <message>
        <source>%1 looks after %2 customer(s) with %3 open follow-up(s). They all move in one step; done follow-ups keep their history.</source>
        <translation>%1 负责 %2 位客户，还有 %3 条未完成的跟进。它们会一次性全部移交；已完成的跟进保留历史记录。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Loading today&apos;s figures…</source>
        <translation>正在载入今日数据…</translation>
    </message>
    <message>
        <source>Something went wrong; the log has the details.</source>
        <translation>出错了,详情见日志。</translation>
    </message>
    <message>
        <source>registered by me today</source>
        <translation>我今天登记的</translation>
    </message>
    <message>
        <source>new customers today</source>
        <translation>今日新客户</translation>
    </message>
    <message>
        <source>month to date: %1% of the plan&apos;s pace (due %2)</source>
        <translation>本月至今:达计划进度 %1%(应完成 %2)</translation>
    </message>
    <message>
        <source>month to date; %1 against the same days last month</source>
        <translation>本月至今;较上月同期 %1</translation>
    </message>
    <message>
        <source>You have no follow-up queue.</source>
        <translation>你没有跟进队列。</translation>
    </message>
    <message>
        <source>%1 overdue, %2 due today</source>
        <translation>逾期 %1 条,今日到期 %2 条</translation>
    </message>
    <message>
        <source>Nobody is waiting for a call today.</source>
        <translation>今天没有需要回访的客户。</translation>
    </message>
    <message>
        <source>Open the follow-up queue →</source>
        <translation>打开跟进队列 →</translation>
    </message>
    <message>
        <source>top-ups today: %1</source>
        <translation>今日充值 %1 笔</translation>
    </message>
    <message>
        <source>sales today: %1</source>
        <translation>今日成交 %1 笔</translation>
    </message>
    <message>
        <source>Registered by you today: %1</source>
        <translation>你今天登记:%1 位</translation>
    </message>
    <message>
        <source>Register a member →</source>
        <translation>登记会员 →</translation>
    </message>
    <message>
        <source>Nobody registered yet today.</source>
        <translation>今天还没有人登记。</translation>
    </message>
    <message>
        <source>No target plan for this year yet.</source>
        <translation>今年还没有目标计划。</translation>
    </message>
    <message>
        <source>Plan tracking is not set up yet.</source>
        <translation>计划追踪尚未启用。</translation>
    </message>
    <message>
        <source>Set the year&apos;s targets →</source>
        <translation>制定年度目标 →</translation>
    </message>
    <message>
        <source>Everyone is on pace with the plan.</source>
        <translation>所有人都跟上了计划进度。</translation>
    </message>
    <message>
        <source>%1 · %2: %3 of pace</source>
        <translation>%1 · %2:进度 %3</translation>
    </message>
    <message>
        <source>Open plan tracking →</source>
        <translation>打开计划追踪 →</translation>
    </message>
    <message>
        <source>Every system checked is set up.</source>
        <translation>检查的各系统都已具备。</translation>
    </message>
    <message>
        <source>Fix →</source>
        <translation>去处理 →</translation>
    </message>
    <message>
        <source>The whole check →</source>
        <translation>查看完整检查 →</translation>
    </message>
    <message>
        <source>Today at a glance, %1</source>
        <translation>今日一览,%1</translation>
    </message>
    <message>
        <source>Registrations</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Top-ups</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <source>Sales today</source>
        <translation>今日营业额</translation>
    </message>
    <message>
        <source>Revenue this month</source>
        <translation>本月营业额</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Registered today</source>
        <translation>今日登记</translation>
    </message>
    <message>
        <source>Behind the plan</source>
        <translation>落后于计划</translation>
    </message>
    <message>
        <source>Is your system complete? Top gaps</source>
        <translation>你的系统完善吗?最该补的三项</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import members</source>
        <translation>导入会员</translation>
    </message>
    <message>
        <source>Done: %1 new members, %2 merged, %3 skipped as already registered, %4 rows left out for problems.</source>
        <translation>完成：新增会员 %1 位，合并 %2 位，因已登记跳过 %3 位，因有问题未导入 %4 行。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何数据。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标客户</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>精准客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>成交客户</translation>
    </message>
    <message>
        <source>Repeat customer</source>
        <translation>复购客户</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>自然进店</translation>
    </message>
    <message>
        <source>Member referral</source>
        <translation>会员推荐</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>推广员</translation>
    </message>
    <message>
        <source>Partner pond</source>
        <translation>鱼塘合作</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>发售活动</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Bait member</source>
        <translation>鱼饵会员</translation>
    </message>
    <message>
        <source>Regular member</source>
        <translation>常态会员</translation>
    </message>
    <message>
        <source>Partner member</source>
        <translation>合伙人会员</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>引流款</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>爆款</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润款</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>品牌款</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Refund of a purchase</source>
        <translation>消费退款</translation>
    </message>
    <message>
        <source>Top-up</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <source>Spent from stored value</source>
        <translation>储值消费</translation>
    </message>
    <message>
        <source>Stored value refunded</source>
        <translation>储值退款</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>冲正</translation>
    </message>
    <message>
        <source>Tier change</source>
        <translation>等级变更</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>到店</translation>
    </message>
</context>
<context>
    <name>LadderPage</name>
    <message>
        <source>Member ladder</source>
        <translation>会员体系</translation>
    </message>
    <message>
        <source>Automatic upgrades</source>
        <translation>自动升级</translation>
    </message>
    <message>
        <source>&amp;Add tier…</source>
        <translation>添加等级(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit tier…</source>
        <translation>编辑等级(&amp;E)…</translation>
    </message>
    <message>
        <source>Re&amp;move tier</source>
        <translation>删除等级(&amp;M)</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>Del</translation>
    </message>
    <message>
        <source>Add r&amp;ule…</source>
        <translation>添加规则(&amp;U)…</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Edit ru&amp;le…</source>
        <translation>编辑规则(&amp;L)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve rule</source>
        <translation>删除规则(&amp;V)</translation>
    </message>
    <message>
        <source>Only the owner can change the ladder.</source>
        <translation>只有老板才能修改会员体系。</translation>
    </message>
    <message>
        <source>Draws traffic: an entry so cheap and so good that people cannot say no. It brings them in the door.</source>
        <translation>负责引流：门槛低、价值高，让人无法拒绝，把客人带进店门。</translation>
    </message>
    <message>
        <source>Brings people back: discounts and privileges that give a member a reason to return again and again.</source>
        <translation>负责回头：用折扣和权益给会员一次又一次回店的理由。</translation>
    </message>
    <message>
        <source>Makes the customer a partner: a large stored-value top-up with a generous bonus ties them to the shop.</source>
        <translation>让客户成为合伙人：大额储值加丰厚赠送，把客户和门店长期绑在一起。</translation>
    </message>
    <message>
        <source>Select a tier first.</source>
        <translation>请先选择一个会员等级。</translation>
    </message>
    <message>
        <source>Take “%1” off the ladder? Members&apos; history keeps its name.</source>
        <translation>要把“%1”从会员体系中删除吗？会员的历史记录仍保留这个等级名称。</translation>
    </message>
    <message numerus="yes">
        <source>%n upgrade rule(s) leading to or from it will be removed too.</source>
        <translation>
            <numerusform>与它相关的 %n 条升级规则也会一并删除。</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除等级</translation>
    </message>
    <message>
        <source>Add the tiers first; a rule moves members between them.</source>
        <translation>请先添加会员等级；升级规则用于让会员在等级之间升级。</translation>
    </message>
    <message>
        <source>Select an upgrade rule first.</source>
        <translation>请先选择一条升级规则。</translation>
    </message>
    <message>
        <source>Remove upgrade rule</source>
        <translation>删除升级规则</translation>
    </message>
    <message>
        <source>Remove this upgrade rule? Members keep the tiers they already have.</source>
        <translation>要删除这条升级规则吗？会员已有的等级保持不变。</translation>
    </message>
</context>
<context>
    <name>LadderText</name>
    <message>
        <source>No discount</source>
        <translation>不打折</translation>
    </message>
    <message>
        <source>%1折 (pays %2%)</source>
        <translation>%1折（实付 %2%）</translation>
    </message>
    <message>
        <source>No end</source>
        <translation>长期有效</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>top up %1, get %2</source>
        <translation>充 %1 送 %2</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>spent %1 or more in the tier</source>
        <translation>在该等级累计消费满 %1</translation>
    </message>
    <message>
        <source>tops up %1 or more at once</source>
        <translation>单次充值满 %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>no tier (plain customer)</source>
        <translation>无等级（普通客户）</translation>
    </message>
    <message>
        <source>anyone (any tier or none)</source>
        <translation>所有人（任意等级或无等级）</translation>
    </message>
</context>
<context>
    <name>LaunchDialog</name>
    <message>
        <source>Edit launch</source>
        <translation>编辑发售</translation>
    </message>
    <message>
        <source>New launch</source>
        <translation>新建发售</translation>
    </message>
    <message>
        <source>(not in the product list)</source>
        <translation>（不在产品列表中）</translation>
    </message>
    <message>
        <source>What is pre-sold, e.g. 10 anti-ageing sessions</source>
        <translation>预售的内容，例如：抗衰疗程 10 次</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>A deal needs a lock (a paid deposit) first</source>
        <translation>成交前必须先锁定（已交定金）</translation>
    </message>
    <message>
        <source>% refundable on or before the lock deadline</source>
        <translation>锁定截止日当天及之前可退的百分比</translation>
    </message>
    <message>
        <source>% refundable after the deadline, before delivery</source>
        <translation>截止日之后、交付之前可退的百分比</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>产品(&amp;P)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Entry &amp;opens</source>
        <translation>进入开放(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Lock deadline</source>
        <translation>锁定截止(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delivery</source>
        <translation>交付日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Entry fee</source>
        <translation>进入费(&amp;E)</translation>
    </message>
    <message>
        <source>De&amp;posit</source>
        <translation>定金(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Full price</source>
        <translation>全款(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Capacity (seats)</source>
        <translation>名额(&amp;C)</translation>
    </message>
    <message>
        <source>Entry fee refund % (until / after deadline)</source>
        <translation>进入费可退 %（截止前 / 截止后）</translation>
    </message>
    <message>
        <source>Deposit refund % (until / after deadline)</source>
        <translation>定金可退 %（截止前 / 截止后）</translation>
    </message>
    <message>
        <source>Early locks &amp;until</source>
        <translation>早鸟锁定截至(&amp;U)</translation>
    </message>
    <message>
        <source>Early-lock &amp;gifts</source>
        <translation>早鸟礼品(&amp;G)</translation>
    </message>
    <message>
        <source>Early-lock p&amp;rivileges</source>
        <translation>早鸟特权(&amp;R)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LaunchSummary</name>
    <message>
        <source>Launch summary</source>
        <translation>发售总结</translation>
    </message>
    <message>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Entry opens {opens} · lock deadline {deadline} · delivery {delivery}</source>
        <translation>进入开放 {opens} · 锁定截止 {deadline} · 交付 {delivery}</translation>
    </message>
    <message>
        <source>Entry fee {fee} · deposit {deposit} · full price {price}</source>
        <translation>进入费 {fee} · 定金 {deposit} · 全款 {price}</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Early locks (until {date})</source>
        <translation>早鸟锁定（截至 {date}）</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>漏斗</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>进入量</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>锁定量</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>entry → lock</source>
        <translation>进入 → 锁定</translation>
    </message>
    <message>
        <source>lock → deal</source>
        <translation>锁定 → 成交</translation>
    </message>
    <message>
        <source>entry → deal</source>
        <translation>进入 → 成交</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>资金</translation>
    </message>
    <message>
        <source>Entry fees collected</source>
        <translation>已收进入费</translation>
    </message>
    <message>
        <source>Entry fees refunded</source>
        <translation>已退进入费</translation>
    </message>
    <message>
        <source>Deposits paid</source>
        <translation>已收定金</translation>
    </message>
    <message>
        <source>Deposits refunded</source>
        <translation>已退定金</translation>
    </message>
    <message>
        <source>Deposits kept (forfeited)</source>
        <translation>没收定金</translation>
    </message>
    <message>
        <source>Deposits applied to deals</source>
        <translation>定金转成交</translation>
    </message>
    <message>
        <source>Balance payments</source>
        <translation>尾款</translation>
    </message>
    <message>
        <source>Deposits held (not revenue yet)</source>
        <translation>在押定金（尚非收入）</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Locks held now</source>
        <translation>当前锁定</translation>
    </message>
    <message>
        <source>Early locks</source>
        <translation>早鸟锁定</translation>
    </message>
    <message>
        <source>Refunds made</source>
        <translation>退款笔数</translation>
    </message>
    <message>
        <source>On the waiting list</source>
        <translation>候补人数</translation>
    </message>
    <message>
        <source>By staff member</source>
        <translation>按员工</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Locked, not paid in full</source>
        <translation>已锁定未付全款</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>锁定日期</translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation>在押定金</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>待付</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <source>Preparing the launch summary…</source>
        <translation>正在生成发售总结…</translation>
    </message>
</context>
<context>
    <name>Launches</name>
    <message>
        <source>Launch</source>
        <translation>发售</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Entry opens</source>
        <translation>进入开放</translation>
    </message>
    <message>
        <source>Lock deadline</source>
        <translation>锁定截止</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>进入</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Seats taken</source>
        <translation>已占名额</translation>
    </message>
    <message>
        <source>Deposits held</source>
        <translation>在押定金</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Entry → lock</source>
        <translation>进入 → 锁定</translation>
    </message>
    <message>
        <source>Lock → deal</source>
        <translation>锁定 → 成交</translation>
    </message>
    <message>
        <source>Entry → deal</source>
        <translation>进入 → 成交</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未指定）</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Step reached</source>
        <translation>所处环节</translation>
    </message>
    <message>
        <source>Entry fee kept</source>
        <translation>进入费实收</translation>
    </message>
    <message>
        <source>Deposit held</source>
        <translation>在押定金</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>最近活动</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>锁定日期</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>待付</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>候补时间</translation>
    </message>
    <message>
        <source>Seat offered</source>
        <translation>已留名额</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>an entry</source>
        <translation>进入</translation>
    </message>
    <message>
        <source>a lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>a full payment</source>
        <translation>付全款</translation>
    </message>
    <message>
        <source>a refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>已进入</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>已付全款</translation>
    </message>
    <message>
        <source>Lock cancelled</source>
        <translation>已取消锁定</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>a draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>LaunchesPage</name>
    <message>
        <source>Launches</source>
        <translation>发售</translation>
    </message>
    <message>
        <source>Pre-sell a new product in three counts: entry (pay to learn about it), lock (pay a deposit), deal (pay the rest).</source>
        <translation>新品预售分三步：进入（付费了解）、锁定（交定金）、成交（付尾款）。</translation>
    </message>
    <message>
        <source>&amp;New launch…</source>
        <translation>新建发售(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>O&amp;pen for entries</source>
        <translation>开放报名(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>结束(&amp;L)</translation>
    </message>
    <message>
        <source>Summary &amp;PDF</source>
        <translation>总结 PDF(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>F&amp;unnel</source>
        <translation>漏斗(&amp;U)</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Locked, not paid</source>
        <translation>已锁定未付全款</translation>
    </message>
    <message>
        <source>Waiting list</source>
        <translation>候补名单</translation>
    </message>
    <message>
        <source>Name, phone, card number or pinyin</source>
        <translation>姓名、电话、卡号或拼音</translation>
    </message>
    <message>
        <source>Empty: what the rule allows today</source>
        <translation>留空：按规则今天可退的金额</translation>
    </message>
    <message>
        <source>Refund more than the rule allows (manager)</source>
        <translation>超出规则退款（店长）</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>Paid &amp;by</source>
        <translation>支付方式(&amp;B)</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>Refund entry fee</source>
        <translation>退进入费</translation>
    </message>
    <message>
        <source>Cancel lock, refund deposit</source>
        <translation>取消锁定并退定金</translation>
    </message>
    <message>
        <source>Remove from waiting list</source>
        <translation>移出候补名单</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>进入量</translation>
    </message>
    <message>
        <source>Locks</source>
        <translation>锁定量</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交量</translation>
    </message>
    <message>
        <source>By staff member</source>
        <translation>按员工</translation>
    </message>
    <message>
        <source>No launch yet. A manager creates one with “New launch”.</source>
        <translation>还没有发售。店长可点“新建发售”创建。</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Entry opens %1 · lock deadline %2 · delivery %3</source>
        <translation>进入开放 %1 · 锁定截止 %2 · 交付 %3</translation>
    </message>
    <message>
        <source>Entry fee %1 · deposit %2 · full price %3 · capacity %4</source>
        <translation>进入费 %1 · 定金 %2 · 全款 %3 · 名额 %4</translation>
    </message>
    <message>
        <source>Early locks until %1: %2</source>
        <translation>早鸟锁定截至 %1：%2</translation>
    </message>
    <message>
        <source>Record &amp;entry (%1)</source>
        <translation>登记进入(&amp;E)（%1）</translation>
    </message>
    <message>
        <source>&amp;Lock: deposit %1</source>
        <translation>锁定(&amp;L)：定金 %1</translation>
    </message>
    <message>
        <source>&amp;Deal: pay the rest</source>
        <translation>成交(&amp;D)：付尾款</translation>
    </message>
    <message>
        <source>Entry to deal: %1</source>
        <translation>进入到成交：%1</translation>
    </message>
    <message>
        <source>Locked, not paid (%1)</source>
        <translation>已锁定未付全款（%1）</translation>
    </message>
    <message>
        <source>Waiting list (%1)</source>
        <translation>候补名单（%1）</translation>
    </message>
    <message>
        <source>Choose a customer to see what they have paid.</source>
        <translation>选择客户以查看其已付款项。</translation>
    </message>
    <message>
        <source>Paid in full.</source>
        <translation>已付全款。</translation>
    </message>
    <message>
        <source>Holds a lock: deposit %1 held.</source>
        <translation>已锁定：在押定金 %1。</translation>
    </message>
    <message>
        <source>Seat offered: may lock now.</source>
        <translation>已为其保留名额：现在可以锁定。</translation>
    </message>
    <message>
        <source>On the waiting list, number %1.</source>
        <translation>在候补名单第 %1 位。</translation>
    </message>
    <message>
        <source>Entered (fee %1).</source>
        <translation>已进入（进入费 %1）。</translation>
    </message>
    <message>
        <source>Not taking part yet.</source>
        <translation>尚未参与。</translation>
    </message>
    <message>
        <source>To pay for the deal: &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>成交需付：&lt;b&gt;%1&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Entry fee refundable today: %1.</source>
        <translation>今天可退进入费：%1。</translation>
    </message>
    <message>
        <source>Deposit refundable today: %1.</source>
        <translation>今天可退定金：%1。</translation>
    </message>
    <message>
        <source>Stored value: %1.</source>
        <translation>储值余额：%1。</translation>
    </message>
    <message>
        <source>&amp;Deal: pay %1</source>
        <translation>成交(&amp;D)：付 %1</translation>
    </message>
    <message>
        <source>Choose a customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Entry recorded: %1 paid by %2.</source>
        <translation>已登记进入：%2 支付 %1。</translation>
    </message>
    <message>
        <source>Locked: deposit %1 paid by %2.</source>
        <translation>已锁定：%2 支付定金 %1。</translation>
    </message>
    <message>
        <source>Early lock: give the early-lock gifts.</source>
        <translation>早鸟锁定：请赠送早鸟礼品。</translation>
    </message>
    <message>
        <source>The launch is full: the customer is number %1 on the waiting list; nothing was paid.</source>
        <translation>名额已满：客户排在候补名单第 %1 位，未收款。</translation>
    </message>
    <message>
        <source>Deal: %1 paid, deposit %2 applied.</source>
        <translation>成交：已付 %1，定金 %2 已抵扣。</translation>
    </message>
    <message>
        <source>Entry fee refunded: %1.</source>
        <translation>已退进入费：%1。</translation>
    </message>
    <message>
        <source>Lock cancelled: %1 refunded, %2 kept.</source>
        <translation>已取消锁定：退还 %1，扣留 %2。</translation>
    </message>
    <message>
        <source>A seat was offered to the next on the waiting list.</source>
        <translation>名额已留给候补名单中的下一位。</translation>
    </message>
    <message>
        <source>Stored value left: %1.</source>
        <translation>储值余额剩余：%1。</translation>
    </message>
    <message>
        <source>Close launch</source>
        <translation>结束发售</translation>
    </message>
    <message>
        <source>Close “%1”? No more entries or locks; locked customers can still pay in full.</source>
        <translation>结束“%1”？之后不能再进入或锁定；已锁定的客户仍可付全款。</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Top up stored value</source>
        <translation>储值充值</translation>
    </message>
    <message>
        <source>Spend from stored value</source>
        <translation>储值消费</translation>
    </message>
    <message>
        <source>Refund stored value</source>
        <translation>退还储值</translation>
    </message>
    <message>
        <source>Adjust stored value</source>
        <translation>调整储值</translation>
    </message>
    <message>
        <source>%1 (principal %2 + bonus %3)</source>
        <translation>%1（本金 %2 + 赠送 %3）</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>&amp;Amount paid</source>
        <translation>实付金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Principal to refund</source>
        <translation>退还本金(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Principal change</source>
        <translation>本金变动(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Bonus change</source>
        <translation>赠送变动(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Paid by</source>
        <translation>支付方式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Paid back by</source>
        <translation>退款方式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>empty: all %1</source>
        <translation>留空：全部 %1</translation>
    </message>
    <message>
        <source>required: why the balance is corrected</source>
        <translation>必填：为什么要更正余额</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Bonus %1 for this top-up: the card will hold %2 more.</source>
        <translation>本次充值赠送 %1：卡内余额将增加 %2。</translation>
    </message>
    <message>
        <source>No bonus at this amount for the member&apos;s tier.</source>
        <translation>按该会员的等级，此金额没有赠送。</translation>
    </message>
</context>
<context>
    <name>LevelsEditor</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>等级序号</translation>
    </message>
    <message>
        <source>Months in a row</source>
        <translation>连续月数</translation>
    </message>
    <message>
        <source>Attainment at least %</source>
        <translation>达成率至少 %</translation>
    </message>
    <message>
        <source>New members in the quarter</source>
        <translation>本季度新会员数</translation>
    </message>
    <message>
        <source>Add level</source>
        <translation>添加级别</translation>
    </message>
    <message>
        <source>Remove level</source>
        <translation>删除级别</translation>
    </message>
    <message>
        <source>Save levels</source>
        <translation>保存级别</translation>
    </message>
    <message>
        <source>A person moves up one level at a time, when every criterion of the next level is met: attainment of at least the % in each of the last months, and new members in the quarter so far.</source>
        <translation>员工每次晋升一级，须满足下一级的全部条件：最近连续几个月每月达成率不低于所列百分比，以及本季度至今的新会员数。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
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
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>数据仪表盘</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Sales Process</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>Member Ladder</source>
        <translation>会员体系</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Launches</source>
        <translation>发售</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>推广系统</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标与追踪</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
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
    <name>MemberCards</name>
    <message>
        <source>MEMBER CARD</source>
        <translation>会员卡 · MEMBER CARD</translation>
    </message>
    <message>
        <source>Valid until {date}</source>
        <translation>有效期至 {date}</translation>
    </message>
    <message>
        <source>Member cards</source>
        <translation>会员卡</translation>
    </message>
    <message>
        <source>Preparing member cards…</source>
        <translation>正在生成会员卡…</translation>
    </message>
</context>
<context>
    <name>MemberExport</name>
    <message>
        <source>Export members</source>
        <translation>导出会员</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Came through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值余额</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近消费</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>%1 members written to %2</source>
        <translation>已导出 %1 位会员到 %2</translation>
    </message>
    <message>
        <source>Exporting members…</source>
        <translation>正在导出会员…</translation>
    </message>
</context>
<context>
    <name>MemberProfileDialog</name>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Principal / bonus</source>
        <translation>本金 / 赠送</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>推荐人数</translation>
    </message>
    <message>
        <source>Sell… (F3)</source>
        <translation>销售… (F3)</translation>
    </message>
    <message>
        <source>Top up… (F4)</source>
        <translation>充值… (F4)</translation>
    </message>
    <message>
        <source>&amp;Refund…</source>
        <translation>退款(&amp;R)…</translation>
    </message>
    <message>
        <source>Spend… (F6)</source>
        <translation>消费… (F6)</translation>
    </message>
    <message>
        <source>A&amp;djust…</source>
        <translation>调整(&amp;D)…</translation>
    </message>
    <message>
        <source>Print &amp;card</source>
        <translation>打印会员卡(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Log visit… (F7)</source>
        <translation>记录拜访… (F7)</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段变更记录</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Member — %1</source>
        <translation>会员 — %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>永久有效</translation>
    </message>
    <message>
        <source>No tier (lead)</source>
        <translation>无等级（线索客户）</translation>
    </message>
    <message>
        <source>referred by %1</source>
        <translation>推荐人：%1</translation>
    </message>
    <message>
        <source>looked after by %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>registered %1</source>
        <translation>%1 登记</translation>
    </message>
    <message>
        <source>Visit logged.</source>
        <translation>拜访已记录。</translation>
    </message>
    <message>
        <source>Done. Balance now %1.</source>
        <translation>已完成。当前余额 %1。</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Search: mobile, last 4 digits, name, pinyin initials (zs), card number — Ctrl+F</source>
        <translation>搜索：手机号、手机尾号后 4 位、姓名、拼音首字母（如 zs）、卡号 — Ctrl+F</translation>
    </message>
    <message>
        <source>Register (F2)</source>
        <translation>登记会员 (F2)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Print &amp;cards</source>
        <translation>打印会员卡(&amp;C)</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>No tier (leads)</source>
        <translation>无等级（线索客户）</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>最近消费</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Lifetime spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责顾问</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>找到 %1 位</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>已显示 %1 位</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>负责员工</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>No purchase since</source>
        <translation>此日起未消费</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>Descending</source>
        <translation>降序</translation>
    </message>
    <message>
        <source>Members who bought before but not since this day</source>
        <translation>以前消费过、但从这一天起没有再消费的会员</translation>
    </message>
</context>
<context>
    <name>MonthScores</name>
    <message>
        <source>&amp;Count from the records</source>
        <translation>按记录统计(&amp;C)</translation>
    </message>
    <message>
        <source>Save &amp;scores</source>
        <translation>保存评分(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Not on this person&apos;s assessment</source>
        <translation>不在此人的考核项中</translation>
    </message>
    <message>
        <source>Type the score out of %1</source>
        <translation>填写得分，满分 %1</translation>
    </message>
    <message>
        <source>Counted from the records: actual / target</source>
        <translation>根据记录自动统计：实际 / 目标</translation>
    </message>
    <message>
        <source>Type the manual items (grey cells are counted from the records), then save. %1 people.</source>
        <translation>请填写人工评分项（灰色格子由记录自动统计），然后保存。共 %1 人。</translation>
    </message>
    <message>
        <source>No assessments for this month yet: press “Count from the records” to list everyone on the payroll.</source>
        <translation>本月还没有考核：请点“按记录统计”，列出所有计薪员工。</translation>
    </message>
    <message>
        <source>Counting the month&apos;s figures…</source>
        <translation>正在统计当月数据……</translation>
    </message>
</context>
<context>
    <name>NormsModel</name>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Effective visits</source>
        <translation>有效拜访</translation>
    </message>
    <message>
        <source>New customers developed</source>
        <translation>新开发客户</translation>
    </message>
    <message>
        <source>Second follow-ups</source>
        <translation>二次跟进</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
</context>
<context>
    <name>OfferDialog</name>
    <message>
        <source>Edit offer</source>
        <translation>编辑主张</translation>
    </message>
    <message>
        <source>New offer</source>
        <translation>新建主张</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Price arrangement</source>
        <translation>价格方案(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Gifts</source>
        <translation>赠品(&amp;G)</translation>
    </message>
    <message>
        <source>P&amp;rivileges</source>
        <translation>特权(&amp;R)</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>有效期从(&amp;F)</translation>
    </message>
    <message>
        <source>Valid &amp;until</source>
        <translation>有效期至(&amp;U)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Offered now</source>
        <translation>当前推出(&amp;O)</translation>
    </message>
    <message>
        <source>e.g. ¥199 for 3 sessions instead of ¥600</source>
        <translation>例如：原价 ¥600 的 3 次体验，现价 ¥199</translation>
    </message>
</context>
<context>
    <name>OfferModel</name>
    <message>
        <source>Offer</source>
        <translation>主张</translation>
    </message>
    <message>
        <source>Price arrangement</source>
        <translation>价格方案</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>特权</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>always</source>
        <translation>长期有效</translation>
    </message>
</context>
<context>
    <name>OperationsReport</name>
    <message>
        <source>Monthly operations report</source>
        <translation>月度经营报告</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} 至 {end}</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
    <message>
        <source>Funnel of the customers registered this month</source>
        <translation>本月登记客户的营销漏斗</translation>
    </message>
    <message>
        <source>Each layer lies inside the one above; the rate is from the layer above.</source>
        <translation>每一层都包含在上一层之内;转化率以上一层为基数。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>From the layer above</source>
        <translation>较上一层</translation>
    </message>
    <message>
        <source>From the leads</source>
        <translation>占线索</translation>
    </message>
    <message>
        <source>{rate} of leads</source>
        <translation>占线索 {rate}</translation>
    </message>
    <message>
        <source>Visits against conversion, per person</source>
        <translation>每人拜访量与转化率</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访量</translation>
    </message>
    <message>
        <source>Customers visited</source>
        <translation>拜访客户数</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Conversion (%)</source>
        <translation>转化率(%)</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>营业额</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>心态</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Team medians: {visits} visits, {conversion} conversion.</source>
        <translation>团队中位数:拜访 {visits} 次,转化率 {conversion}。</translation>
    </message>
    <message>
        <source>Comparisons: now / before (change)</source>
        <translation>对比:本期 / 对比期(变化)</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>对比期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>{metric}, month by month, with its trend line</source>
        <translation>{metric}逐月走势与趋势线</translation>
    </message>
    <message>
        <source>Growth economics</source>
        <translation>增长经济</translation>
    </message>
    <message>
        <source>Three growth levers</source>
        <translation>增长三要素</translation>
    </message>
    <message>
        <source>Paying customers</source>
        <translation>付费客户数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Purchases per customer</source>
        <translation>人均购买次数</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month, same days</source>
        <translation>上月同期</translation>
    </message>
    <message>
        <source>Registered in</source>
        <translation>登记月份</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>First 30 days, per customer</source>
        <translation>前 30 天人均消费</translation>
    </message>
    <message>
        <source>First year, per customer</source>
        <translation>第一年人均消费</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(至今)</translation>
    </message>
    <message>
        <source>Repeat rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Referrals per paying customer</source>
        <translation>每位成交客户转介绍数</translation>
    </message>
    <message>
        <source>Product role</source>
        <translation>产品角色</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Margin rate</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>保存月度报告</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Monthly report</source>
        <translation>月度报告</translation>
    </message>
    <message>
        <source>The report was saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <source>The report could not be made; the log has the details.</source>
        <translation>报告无法生成,详情见日志。</translation>
    </message>
    <message>
        <source>Making the monthly report…</source>
        <translation>正在生成月度报告…</translation>
    </message>
</context>
<context>
    <name>OrganisationPage</name>
    <message>
        <source>Organisation</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Three departments carry the plan: target assurance sells, plan tracking checks every day that the plan is done, logistics keeps the shop running. Each position has written duties. People are assigned on the Staff page.</source>
        <translation>三个部门承担计划：指标保障部负责销售，计划追踪部每天检查计划执行，后勤保障部保障门店运转。每个岗位都有明确的职责。人员在“员工与角色”页面分配。</translation>
    </message>
    <message>
        <source>Save department</source>
        <translation>保存部门</translation>
    </message>
    <message>
        <source>New department</source>
        <translation>新建部门</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Save position</source>
        <translation>保存岗位</translation>
    </message>
    <message>
        <source>New position</source>
        <translation>新建岗位</translation>
    </message>
    <message>
        <source>Positions and duties</source>
        <translation>岗位与职责</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>名称(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>D&amp;uties</source>
        <translation>职责(&amp;U)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Duties</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>%1 (not in use)</source>
        <translation>%1（停用）</translation>
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
    <name>PathTab</name>
    <message>
        <source>Levels and criteria</source>
        <translation>级别与晋升条件</translation>
    </message>
    <message>
        <source>Who qualifies</source>
        <translation>本月符合晋升条件的人</translation>
    </message>
</context>
<context>
    <name>Pay</name>
    <message>
        <source>Base pay</source>
        <translation>基本工资</translation>
    </message>
    <message>
        <source>Responsibility pay</source>
        <translation>责任工资</translation>
    </message>
    <message>
        <source>Performance pay</source>
        <translation>绩效工资</translation>
    </message>
    <message>
        <source>Sales commission</source>
        <translation>销售提成</translation>
    </message>
    <message>
        <source>New-member bonus</source>
        <translation>新会员奖励</translation>
    </message>
    <message>
        <source>Mentor subsidy</source>
        <translation>师傅补贴</translation>
    </message>
    <message>
        <source>Mentor bonus</source>
        <translation>带徒奖励</translation>
    </message>
    <message>
        <source>Mentor subsidy cut</source>
        <translation>带徒补贴扣减</translation>
    </message>
    <message>
        <source>PK contest prize</source>
        <translation>PK 赛奖金</translation>
    </message>
    <message>
        <source>Annual bonus</source>
        <translation>年终奖</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣款</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>full month = {amount}</source>
        <translation>全月 = {amount}</translation>
    </message>
    <message>
        <source>{monthly} × {days_employed}/{days_in_month} days = {amount}</source>
        <translation>{monthly} × {days_employed}/{days_in_month} 天 = {amount}</translation>
    </message>
    <message>
        <source>{performance_base} × {factor} (score {score}, cap {cap}) = {amount}</source>
        <translation>{performance_base} × {factor}（考核 {score} 分，上限 {cap}）= {amount}</translation>
    </message>
    <message>
        <source>{base} × {rate} = {amount}</source>
        <translation>{base} × {rate} = {amount}</translation>
    </message>
    <message>
        <source>sum of slices = {amount}</source>
        <translation>分段合计 = {amount}</translation>
    </message>
    <message>
        <source>{slice} × {rate} = {amount}</source>
        <translation>{slice} × {rate} = {amount}</translation>
    </message>
    <message>
        <source>{count} new members × {unit} = {amount}</source>
        <translation>新会员 {count} 人 × {unit} = {amount}</translation>
    </message>
    <message>
        <source>apprentice {apprentice}: {amount}</source>
        <translation>徒弟 {apprentice}：{amount}</translation>
    </message>
    <message>
        <source>apprentice {apprentice} reached {attainment} ≥ line {standard_line} → {amount}</source>
        <translation>徒弟 {apprentice} 达成 {attainment} ≥ 标准线 {standard_line} → {amount}</translation>
    </message>
    <message>
        <source>apprentice {apprentice}: {subsidy} × ({standard_line} − {attainment}) ÷ {standard_line} = {amount}</source>
        <translation>徒弟 {apprentice}：{subsidy} ×（{standard_line} − {attainment}）÷ {standard_line} = {amount}</translation>
    </message>
    <message>
        <source>{contest}: rank {rank} ({tied} tied) → {amount}</source>
        <translation>{contest}：第 {rank} 名（{tied} 人并列）→ {amount}</translation>
    </message>
    <message>
        <source>{contest}: rank {rank} → {amount}</source>
        <translation>{contest}：第 {rank} 名 → {amount}</translation>
    </message>
    <message>
        <source>(year&apos;s actual {actual} − target {target}) × {share} = {amount}</source>
        <translation>（全年实绩 {actual} − 目标 {target}）× {share} = {amount}</translation>
    </message>
    <message>
        <source>{reason}: {amount}</source>
        <translation>{reason}：{amount}</translation>
    </message>
    <message>
        <source>correction of {source}: {reason}: {amount}</source>
        <translation>更正 {source}：{reason}：{amount}</translation>
    </message>
    <message>
        <source>No target for this month: attainment counts as 0% (an apprentice without a target: subsidy only).</source>
        <translation>本月没有目标：达成率按 0% 计（徒弟无目标时只计师傅补贴）。</translation>
    </message>
    <message>
        <source>No yearly target: no annual bonus provision.</source>
        <translation>没有年度目标：年终奖暂不计提。</translation>
    </message>
    <message>
        <source>Commission base: sales {revenue} − refunds {refunds} + carried {carry_in} = {base}</source>
        <translation>提成基数：销售额 {revenue} − 退款 {refunds} + 结转 {carry_in} = {base}</translation>
    </message>
    <message>
        <source>Refunds above this month&apos;s sales, carried to next month: {carry_out}</source>
        <translation>退款超过本月销售额，结转下月：{carry_out}</translation>
    </message>
    <message>
        <source>Annual bonus provision this month: {accrual} (to date: {to_date}); not paid on this slip.</source>
        <translation>本月计提年终奖 {accrual}（累计 {to_date}），本单不发放。</translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>草稿</translation>
    </message>
</context>
<context>
    <name>PayEntries</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Corrects</source>
        <translation>更正月份</translation>
    </message>
    <message>
        <source>Deduction</source>
        <translation>扣款</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
</context>
<context>
    <name>PayPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>计算依据</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>%1 of %2 days</source>
        <translation>出勤 %1/%2 天</translation>
    </message>
    <message>
        <source>assessment %1</source>
        <translation>考核 %1 分</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <source>&amp;Draft run</source>
        <translation>生成草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Lock run</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Print slips</source>
        <translation>打印工资条(&amp;P)</translation>
    </message>
    <message>
        <source>One per page</source>
        <translation>每页一人</translation>
    </message>
    <message>
        <source>Three per page</source>
        <translation>每页三人</translation>
    </message>
    <message>
        <source>&amp;Export .xlsx</source>
        <translation>导出 .xlsx(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>Monthly run</source>
        <translation>月度核算</translation>
    </message>
    <message>
        <source>My slips</source>
        <translation>我的工资条</translation>
    </message>
    <message>
        <source>PK contests</source>
        <translation>PK 赛</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>参赛者</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Prize</source>
        <translation>奖金</translation>
    </message>
    <message>
        <source>Your slips of locked months: %1</source>
        <translation>已锁定月份的工资条：%1 张</translation>
    </message>
    <message>
        <source>No run for this month yet.</source>
        <translation>本月还没有核算。</translation>
    </message>
    <message>
        <source>Locked on %1: %2 people, total %3.</source>
        <translation>已于 %1 锁定：%2 人，合计 %3。</translation>
    </message>
    <message>
        <source>Draft: %2 people, total %3. Review each slip, then lock.</source>
        <translation>草稿：%2 人，合计 %3。逐张核对后再锁定。</translation>
    </message>
    <message>
        <source>%1 need attention before the run can be locked.</source>
        <translation>有 %1 人需要处理后才能锁定。</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>薪酬</translation>
    </message>
    <message>
        <source>Working out the month&apos;s pay…</source>
        <translation>正在核算本月薪酬…</translation>
    </message>
    <message>
        <source>Lock run</source>
        <translation>锁定核算</translation>
    </message>
    <message>
        <source>Lock the pay run of %1? A locked run can never be changed; a correction goes into a later month as an adjustment.</source>
        <translation>锁定 %1 的薪酬核算？锁定后不能再修改，更正需在以后月份以调整项计入。</translation>
    </message>
    <message>
        <source>Preparing slips…</source>
        <translation>正在生成工资条…</translation>
    </message>
    <message>
        <source>Export pay run</source>
        <translation>导出薪酬核算</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Slip total</source>
        <translation>工资条合计</translation>
    </message>
    <message>
        <source>&amp;New contest…</source>
        <translation>新建 PK 赛(&amp;N)…</translation>
    </message>
    <message>
        <source>Pay schemes</source>
        <translation>薪酬方案</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>考核</translation>
    </message>
    <message>
        <source>Deductions and adjustments</source>
        <translation>扣款与调整</translation>
    </message>
    <message>
        <source>Promotion path</source>
        <translation>晋升通道</translation>
    </message>
</context>
<context>
    <name>PaySchemes</name>
    <message>
        <source>Position or person</source>
        <translation>岗位或员工</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>%1 own values</source>
        <translation>%1 项个人设置</translation>
    </message>
    <message>
        <source>as position</source>
        <translation>同岗位</translation>
    </message>
    <message>
        <source>not on payroll</source>
        <translation>不计薪</translation>
    </message>
</context>
<context>
    <name>PaySlip</name>
    <message>
        <source>Incentive slip</source>
        <translation>工资条</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Days employed</source>
        <translation>出勤天数</translation>
    </message>
    <message>
        <source>{days}/{of}</source>
        <translation>{days}/{of} 天</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>考核得分</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>计算依据</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>实发合计</translation>
    </message>
    <message>
        <source>Employee&apos;s signature</source>
        <translation>员工签字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>cut here</source>
        <translation>沿虚线剪开</translation>
    </message>
    <message>
        <source>Page {page}</source>
        <translation>第 {page} 页</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Save PDF as</source>
        <translation>PDF 另存为</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>PDF ready</source>
        <translation>PDF 已生成</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已保存为 %1</translation>
    </message>
    <message>
        <source>No PDF viewer could be opened; open the file from there.</source>
        <translation>无法打开 PDF 阅读器，请到该位置手动打开文件。</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>另存一份(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>PipelinePage</name>
    <message>
        <source>Sales process</source>
        <translation>销售流程</translation>
    </message>
    <message>
        <source>Script for “%1”</source>
        <translation>“%1”阶段话术</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Delete offer</source>
        <translation>删除主张</translation>
    </message>
    <message>
        <source>Delete the offer “%1”? To keep it for reference, edit it and untick “Offered now” instead.</source>
        <translation>要删除主张“%1”吗？如果想保留作参考，请改为编辑它并取消勾选“当前推出”。</translation>
    </message>
    <message>
        <source>Stages, scripts and offers</source>
        <translation>阶段、话术与主张</translation>
    </message>
    <message>
        <source>Follow-up rules</source>
        <translation>跟进规则</translation>
    </message>
    <message>
        <source>Stage &amp;name</source>
        <translation>阶段名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Goal of this stage</source>
        <translation>本阶段目标(&amp;G)</translation>
    </message>
    <message>
        <source>O&amp;ffers (price arrangement, gifts, privileges)</source>
        <translation>主张（价格方案、赠品、特权）(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Save stage (Ctrl+S)</source>
        <translation>保存阶段(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• 列表</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>加粗</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>斜体</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>&amp;Add offer…</source>
        <translation>添加主张(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit offer…</source>
        <translation>编辑主张(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete offer</source>
        <translation>删除主张(&amp;D)</translation>
    </message>
    <message>
        <source>Read the script of the customer&apos;s stage before you call. Only the owner and the manager change it.</source>
        <translation>联系客户之前，先读一遍该客户所处阶段的话术。只有老板和店长可以修改。</translation>
    </message>
    <message>
        <source>Leave empty to use the usual name</source>
        <translation>留空则使用默认名称</translation>
    </message>
</context>
<context>
    <name>PlanExport</name>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>计划：%1</translation>
    </message>
    <message>
        <source>%1 · plan for %2, version %3</source>
        <translation>%1 · %2 年计划第 %3 版</translation>
    </message>
    <message>
        <source>Tracking on %1: pace is what the plan asks for up to that day.</source>
        <translation>追踪日期 %1：应完成为计划到当天为止的要求。</translation>
    </message>
    <message>
        <source>Targets and tracking %1</source>
        <translation>%1 年目标与追踪</translation>
    </message>
    <message>
        <source>Green: on pace. Amber: within 10% of pace. Red: further behind.</source>
        <translation>绿：进度正常。黄：落后 10% 以内。红：落后更多。</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Tracking: %1</source>
        <translation>追踪：%1</translation>
    </message>
</context>
<context>
    <name>PondsTab</name>
    <message>
        <source>Partner</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Business &amp;name</source>
        <translation>商家名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Owner (塘主)</source>
        <translation>塘主(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>联系电话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New pond</source>
        <translation>新建鱼塘(&amp;N)</translation>
    </message>
    <message>
        <source>Sa&amp;ve pond</source>
        <translation>保存鱼塘(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Import customers…</source>
        <translation>导入客户(&amp;I)…</translation>
    </message>
    <message>
        <source>Contract terms</source>
        <translation>合同条款</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>生效日期(&amp;F)</translation>
    </message>
    <message>
        <source>Valid &amp;to (empty: open)</source>
        <translation>截止日期(&amp;T)（留空为长期）</translation>
    </message>
    <message>
        <source>Fee per customer</source>
        <translation>每位客户费用</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>消费分成</translation>
    </message>
    <message>
        <source>Share for months</source>
        <translation>分成月数</translation>
    </message>
    <message>
        <source>Monthly minimum</source>
        <translation>每月保底</translation>
    </message>
    <message>
        <source>Add &amp;contract</source>
        <translation>添加合同(&amp;C)</translation>
    </message>
    <message>
        <source>Monthly settlement</source>
        <translation>月度结算</translation>
    </message>
    <message>
        <source>&amp;Lock the month</source>
        <translation>锁定本月(&amp;L)</translation>
    </message>
    <message>
        <source>Statement (&amp;PDF)</source>
        <translation>结算单(&amp;P)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Locked months</source>
        <translation>已锁定月份</translation>
    </message>
    <message>
        <source>No contract</source>
        <translation>无合同</translation>
    </message>
    <message>
        <source>%1 per customer</source>
        <translation>每位客户 %1</translation>
    </message>
    <message>
        <source>%1 of spend for %2 months</source>
        <translation>前 %2 个月消费的 %1</translation>
    </message>
    <message>
        <source>minimum %1</source>
        <translation>保底 %1</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Preview, not locked</source>
        <translation>预览，未锁定</translation>
    </message>
    <message>
        <source>%1 · %2 new customers: fees %3 + share %4 + top-up to the minimum %5 = owed %6</source>
        <translation>%1 · 新客户 %2 位：费用 %3 + 分成 %4 + 保底补足 %5 = 应付 %6</translation>
    </message>
    <message>
        <source>Save the pond first.</source>
        <translation>请先保存鱼塘。</translation>
    </message>
    <message>
        <source>Making the statement…</source>
        <translation>正在生成结算单…</translation>
    </message>
    <message>
        <source>Ponds</source>
        <translation>鱼塘</translation>
    </message>
    <message>
        <source>Import the customers of %1</source>
        <translation>导入“%1”的客户</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check the columns</source>
        <translation>核对列</translation>
    </message>
    <message>
        <source>Which column holds what. Name and mobile are required. The first rows are shown as they will be saved; problems are listed below them, and those rows are left out.</source>
        <translation>指定每一列对应的内容。姓名和手机号为必填。下面按保存后的样子显示前几行；有问题的行列在其下方，这些行不会导入。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Old card number</source>
        <translation>原卡号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Came through</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— 文件中没有 —</translation>
    </message>
    <message>
        <source>(column %1)</source>
        <translation>（第 %1 列）</translation>
    </message>
    <message>
        <source>%1 rows looked at, %2 with problems.</source>
        <translation>已检查 %1 行，其中 %2 行有问题。</translation>
    </message>
    <message>
        <source>Text encoding: %1.</source>
        <translation>文字编码：%1。</translation>
    </message>
    <message>
        <source>Choose the column for: %1.</source>
        <translation>请为以下内容选择对应的列：%1。</translation>
    </message>
</context>
<context>
    <name>ProductDialog</name>
    <message>
        <source>Edit item</source>
        <translation>编辑品项</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加品项</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>Gives &amp;tier</source>
        <translation>对应会员等级(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Item name</source>
        <translation>品项名称(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Role in the matrix</source>
        <translation>矩阵定位(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>售价(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Cost</source>
        <translation>成本(&amp;C)</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>What one sale costs the shop (materials, product); used for the margin.</source>
        <translation>每卖出一次门店付出的成本（耗材、产品），用于计算毛利。</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>按 Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>Free or nearly free: draws new people in.</source>
        <translation>免费或几乎免费：吸引新客进店。</translation>
    </message>
    <message>
        <source>The popular, well-priced offer that turns visitors into customers.</source>
        <translation>人气高、价格实在，把到店的客人转化为成交客户。</translation>
    </message>
    <message>
        <source>Where the shop earns its margin.</source>
        <translation>门店赚取利润的主力。</translation>
    </message>
    <message>
        <source>The premium item that sets the shop&apos;s image.</source>
        <translation>高端品项，树立门店形象。</translation>
    </message>
    <message>
        <source>%1% of the price</source>
        <translation>占售价的 %1%</translation>
    </message>
</context>
<context>
    <name>ProductTable</name>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员资格</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>定位</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>品项</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Gives tier</source>
        <translation>对应会员等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停售</translation>
    </message>
</context>
<context>
    <name>ProductsPage</name>
    <message>
        <source>Product matrix</source>
        <translation>产品矩阵</translation>
    </message>
    <message>
        <source>Every layer of the funnel needs an item to convert with: traffic items draw people in, hit items turn them into customers, profit items earn the margin, brand items set the shop&apos;s image. Memberships are sold here too and give their tier.</source>
        <translation>漏斗的每一层都需要用来转化的品项：引流款吸引客人进店，爆款把他们变成成交客户，利润款赚取利润，品牌款树立门店形象。会员资格也在这里销售，购买后获得对应的会员等级。</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>添加品项(&amp;A)…</translation>
    </message>
    <message>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Find by name (Ctrl+F)</source>
        <translation>按名称查找 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show &amp;stopped items</source>
        <translation>显示已停售品项(&amp;S)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>%1 items shown</source>
        <translation>显示 %1 个品项</translation>
    </message>
    <message>
        <source>Select an item first.</source>
        <translation>请先选择一个品项。</translation>
    </message>
</context>
<context>
    <name>PromotersTab</name>
    <message>
        <source>Promoters</source>
        <translation>推广员</translation>
    </message>
    <message>
        <source>Leaderboard</source>
        <translation>排行榜</translation>
    </message>
    <message>
        <source>Levels and commission</source>
        <translation>等级与佣金</translation>
    </message>
    <message>
        <source>10%   or   0=10%, 10000=15%</source>
        <translation>10%   或   0=10%, 10000=15%</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Ran&amp;k</source>
        <translation>等级序号(&amp;K)</translation>
    </message>
    <message>
        <source>Enrolment &amp;fee</source>
        <translation>入会费(&amp;F)</translation>
    </message>
    <message>
        <source>Commission &amp;rate</source>
        <translation>佣金比例(&amp;R)</translation>
    </message>
    <message>
        <source>Tiered rates</source>
        <translation>阶梯计算方式</translation>
    </message>
    <message>
        <source>Spend within days of registration</source>
        <translation>登记后多少天内的消费</translation>
    </message>
    <message>
        <source>Which purchases</source>
        <translation>计佣消费</translation>
    </message>
    <message>
        <source>Fixed amount per new customer</source>
        <translation>每位新客户固定奖励</translation>
    </message>
    <message>
        <source>Fixed amount paid</source>
        <translation>固定奖励发放时机</translation>
    </message>
    <message>
        <source>Frozen for refunds (days)</source>
        <translation>退款冻结期（天）</translation>
    </message>
    <message>
        <source>&amp;New level</source>
        <translation>新建等级(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save level</source>
        <translation>保存等级(&amp;S)</translation>
    </message>
    <message>
        <source>Enrol a promoter</source>
        <translation>招募推广员</translation>
    </message>
    <message>
        <source>Collect the enrolment fee now (recorded as a sale)</source>
        <translation>现在收取入会费（记为一笔销售）</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Level</source>
        <translation>等级(&amp;L)</translation>
    </message>
    <message>
        <source>Paid by</source>
        <translation>支付方式</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>招募(&amp;E)</translation>
    </message>
    <message>
        <source>Commission ledger</source>
        <translation>佣金明细</translation>
    </message>
    <message>
        <source>everything available</source>
        <translation>全部可提金额</translation>
    </message>
    <message>
        <source>Pay &amp;out</source>
        <translation>提现金额(&amp;O)</translation>
    </message>
    <message>
        <source>As</source>
        <translation>发放方式</translation>
    </message>
    <message>
        <source>&amp;Pay out</source>
        <translation>发放佣金(&amp;P)</translation>
    </message>
    <message>
        <source>A customer this promoter brought</source>
        <translation>该推广员带来的客户</translation>
    </message>
    <message>
        <source>Credit to this promoter</source>
        <translation>计入该推广员</translation>
    </message>
    <message>
        <source>Monthly &amp;statement (PDF)</source>
        <translation>月度对账单(&amp;S)</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>排名依据</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>%1 · %2 — frozen %3, available %4, paid out %5</source>
        <translation>%1 · %2 — 冻结 %3，可提 %4，已发放 %5</translation>
    </message>
    <message>
        <source>Choose a customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Create a level first.</source>
        <translation>请先创建等级。</translation>
    </message>
    <message>
        <source>%1 is now a promoter (%2).</source>
        <translation>%1 已成为推广员（%2）。</translation>
    </message>
    <message>
        <source>Paid out %1.</source>
        <translation>已发放 %1。</translation>
    </message>
    <message>
        <source>%1 is credited to %2.</source>
        <translation>%1 已计入 %2 名下。</translation>
    </message>
    <message>
        <source>Making the statement…</source>
        <translation>正在生成对账单…</translation>
    </message>
</context>
<context>
    <name>Promotion</name>
    <message>
        <source>First top-up</source>
        <translation>首次充值</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>首次消费</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>追回</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Every purchase in the window</source>
        <translation>期限内每笔消费</translation>
    </message>
    <message>
        <source>First purchase only</source>
        <translation>仅首次消费</translation>
    </message>
    <message>
        <source>Whole month at the rate reached</source>
        <translation>全额累进（整月按达到的档位）</translation>
    </message>
    <message>
        <source>Each slice at its own rate</source>
        <translation>超额累进（分段计算）</translation>
    </message>
    <message>
        <source>On the first purchase</source>
        <translation>首次消费时</translation>
    </message>
    <message>
        <source>On registration</source>
        <translation>登记时</translation>
    </message>
    <message>
        <source>Ads</source>
        <translation>广告</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Printed flyers</source>
        <translation>传单印刷</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Referred revenue</source>
        <translation>带来营业额</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Enrolment fee</source>
        <translation>入会费</translation>
    </message>
    <message>
        <source>Within days</source>
        <translation>计佣天数</translation>
    </message>
    <message>
        <source>Per new customer</source>
        <translation>每位新客户</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>推广员人数</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>推广员</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结中</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可提</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Pond</source>
        <translation>鱼塘</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>塘主</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同</translation>
    </message>
    <message>
        <source>Handed over</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Paying</source>
        <translation>已付费</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Spend shared</source>
        <translation>分成消费额</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>分成</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>应付</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定时间</translation>
    </message>
    <message>
        <source>Available from</source>
        <translation>可提日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Spent on</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>投入</translation>
    </message>
    <message>
        <source>Commissions</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Pond fees</source>
        <translation>鱼塘费用</translation>
    </message>
    <message>
        <source>Referral rewards</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>New paying customers</source>
        <translation>新付费客户</translation>
    </message>
    <message>
        <source>Cost per customer</source>
        <translation>获客成本</translation>
    </message>
    <message>
        <source>First 30 days spend</source>
        <translation>首30天人均消费</translation>
    </message>
    <message>
        <source>First year spend</source>
        <translation>首年人均消费</translation>
    </message>
    <message>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Paid at least</source>
        <translation>支付满</translation>
    </message>
    <message>
        <source>Referrer gets</source>
        <translation>推荐人获得</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>被推荐</translation>
    </message>
    <message>
        <source>Referred share</source>
        <translation>推荐占比</translation>
    </message>
</context>
<context>
    <name>PromotionPage</name>
    <message>
        <source>Referrals</source>
        <translation>会员推荐</translation>
    </message>
    <message>
        <source>Promoters</source>
        <translation>推广员</translation>
    </message>
    <message>
        <source>Partner ponds</source>
        <translation>鱼塘合作</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>渠道成本</translation>
    </message>
</context>
<context>
    <name>PromotionPdf</name>
    <message>
        <source>Promoter commission statement</source>
        <translation>推广员佣金对账单</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>推广员</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初余额</translation>
    </message>
    <message>
        <source>Commission accrued</source>
        <translation>本月计提佣金</translation>
    </message>
    <message>
        <source>Clawed back (refunds)</source>
        <translation>退款追回</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末余额</translation>
    </message>
    <message>
        <source>of which frozen (refund window)</source>
        <translation>其中冻结（退款期内）</translation>
    </message>
    <message>
        <source>of which available</source>
        <translation>其中可提</translation>
    </message>
    <message>
        <source>Referred customers&apos; spend</source>
        <translation>带来客户消费额</translation>
    </message>
    <message>
        <source>New customers brought</source>
        <translation>带来新客户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Available from</source>
        <translation>可提日期</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>No entries this month.</source>
        <translation>本月无记录。</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印时间</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>佣金</translation>
    </message>
    <message>
        <source>Clawback</source>
        <translation>追回</translation>
    </message>
    <message>
        <source>Payout</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>stored value</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>Partner pond settlement</source>
        <translation>鱼塘月度结算单</translation>
    </message>
    <message>
        <source>Pond</source>
        <translation>鱼塘</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>塘主</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Preview (not locked)</source>
        <translation>预览（未锁定）</translation>
    </message>
    <message>
        <source>Days under contract</source>
        <translation>合同覆盖天数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Fee for new customers</source>
        <translation>新客户费用</translation>
    </message>
    <message>
        <source>Their spend in the share window</source>
        <translation>分成期内消费</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>消费分成</translation>
    </message>
    <message>
        <source>Monthly minimum</source>
        <translation>每月保底</translation>
    </message>
    <message>
        <source>Top-up to the minimum</source>
        <translation>保底补足</translation>
    </message>
    <message>
        <source>Owed to the pond</source>
        <translation>应付塘主</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No customer of the pond is due anything this month.</source>
        <translation>本月鱼塘客户无应付项目。</translation>
    </message>
    <message>
        <source>For the shop</source>
        <translation>店方签字</translation>
    </message>
    <message>
        <source>For the pond</source>
        <translation>塘主签字</translation>
    </message>
</context>
<context>
    <name>Qualifiers</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>From</source>
        <translation>当前级别</translation>
    </message>
    <message>
        <source>To</source>
        <translation>晋升为</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>&amp;Promote selected</source>
        <translation>晋升所选员工(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>月份(&amp;M)：</translation>
    </message>
    <message>
        <source>attainment %1 (at least %2%)</source>
        <translation>达成率 %1（至少 %2%）</translation>
    </message>
    <message>
        <source>%1 new members this quarter (at least %2)</source>
        <translation>本季度新会员 %1 人（至少 %2）</translation>
    </message>
    <message>
        <source>%1 people qualify for their next level in this month.</source>
        <translation>本月有 %1 人符合晋升下一级的条件。</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>Reassign follow-ups</source>
        <translation>重新分配跟进</translation>
    </message>
    <message>
        <source>Give %1 follow-up(s) to:</source>
        <translation>把 %1 条跟进分配给：</translation>
    </message>
    <message>
        <source>&amp;Colleague</source>
        <translation>同事(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ReferralsTab</name>
    <message>
        <source>Reward rules</source>
        <translation>奖励规则</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>条件(&amp;W)</translation>
    </message>
    <message>
        <source>Paid at &amp;least</source>
        <translation>支付满(&amp;L)</translation>
    </message>
    <message>
        <source>Stored-value &amp;bonus</source>
        <translation>储值赠送(&amp;B)</translation>
    </message>
    <message>
        <source>or a &amp;gift</source>
        <translation>或礼品(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>删除规则(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save rules</source>
        <translation>保存规则(&amp;S)</translation>
    </message>
    <message>
        <source>A referred customer&apos;s first top-up or first purchase earns their referrer the highest rule it reaches; a refund that takes the payment below it takes the reward back.</source>
        <translation>被推荐客户的首次充值或首次消费，按达到的最高一档奖励推荐人；退款使金额低于该档时，奖励收回。</translation>
    </message>
    <message>
        <source>Referral tree</source>
        <translation>推荐关系树</translation>
    </message>
    <message>
        <source>Find a member by name, phone or card</source>
        <translation>按姓名、手机或卡号查找会员</translation>
    </message>
    <message>
        <source>Fission figures</source>
        <translation>裂变数据</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message numerus="yes">
        <source>Rules saved: %n rule(s) in force.</source>
        <translation>
            <numerusform>规则已保存：%n 条生效。</numerusform>
        </translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Brought in (all levels)</source>
        <translation>带来人数（各级）</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>消费</translation>
    </message>
    <message>
        <source>Rewards earned</source>
        <translation>获得奖励</translation>
    </message>
    <message numerus="yes">
        <source>%1 brought in %n customer(s), directly or through others.</source>
        <translation>
            <numerusform>%1 直接或间接带来 %n 位客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>Brought in by: %1.</source>
        <translation>推荐链：%1。</translation>
    </message>
    <message>
        <source>Only the first %1 are shown.</source>
        <translation>仅显示前 %1 位。</translation>
    </message>
    <message>
        <source>New customers %1, referred %2 (%3). Referrals per referring member: %4. Members who referred 2 or more: %5 (%6 of customers).</source>
        <translation>新客户 %1 位，其中被推荐 %2 位（%3）。每位推荐人平均推荐 %4 位。推荐 2 位及以上的会员：%5 位（占客户 %6）。</translation>
    </message>
</context>
<context>
    <name>RefundSaleDialog</name>
    <message>
        <source>Refund sale</source>
        <translation>销售退款</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sale %1&lt;/b&gt; of %2, paid by %3&lt;br&gt;%4&lt;br&gt;&lt;b&gt;Total %5&lt;/b&gt;</source>
        <translation>&lt;b&gt;销售单 %1&lt;/b&gt;，%2，支付方式：%3&lt;br&gt;%4&lt;br&gt;&lt;b&gt;合计 %5&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>why the money goes back (kept in the history)</source>
        <translation>退款原因（会保存在历史记录中）</translation>
    </message>
    <message>
        <source>Only a manager or the owner can refund a sale.</source>
        <translation>只有店长或老板才能办理销售退款。</translation>
    </message>
    <message>
        <source>&amp;Refund %1</source>
        <translation>退款 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refunded %1.&lt;/b&gt;</source>
        <translation>&lt;b&gt;已退款 %1。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Stored value is back to %1.</source>
        <translation>储值余额已恢复为 %1。</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>RegisterDialog</name>
    <message>
        <source>Edit member</source>
        <translation>编辑会员</translation>
    </message>
    <message>
        <source>Register member</source>
        <translation>登记会员</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Birthday</source>
        <translation>生日(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>会员等级(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Came through</source>
        <translation>来源渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Referred by</source>
        <translation>推荐人(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Assigned to</source>
        <translation>负责顾问(&amp;A)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>None yet (a lead)</source>
        <translation>暂无（线索客户）</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>mobile number, e.g. 138 1234 5678</source>
        <translation>手机号，例如 138 1234 5678</translation>
    </message>
    <message>
        <source>type a name, phone or its last 4 digits</source>
        <translation>输入姓名、手机号或手机尾号后 4 位</translation>
    </message>
    <message>
        <source>Already registered: %1</source>
        <translation>已登记过：%1</translation>
    </message>
    <message>
        <source>Pick the member from the list that appears as you type.</source>
        <translation>输入时会出现列表，请从中选择会员。</translation>
    </message>
</context>
<context>
    <name>ReversePage</name>
    <message>
        <source>What the targets take</source>
        <translation>目标倒推</translation>
    </message>
    <message>
        <source>Worked back from each person&apos;s own figures for the same month last year (average ticket, deals per visit, visits per lead); someone without history uses the store&apos;s. Every figure is rounded up.</source>
        <translation>按每人去年同月的数据倒推（客单价、拜访成交率、每个线索的拜访次数）；没有历史的人用全店数据。所有结果向上取整。</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>人员(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>月份(&amp;M)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Ratios from</source>
        <translation>比率来源</translation>
    </message>
    <message>
        <source>Choose revenue or deals to see what they take.</source>
        <translation>选择营业额或成交数指标才能倒推。</translation>
    </message>
    <message>
        <source>store</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>own</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Average ticket %1 (%2), %3 visits per deal (%4), %5 visits per lead (%6).</source>
        <translation>客单价 %1（%2），每单 %3 次拜访（%4），每个线索 %5 次拜访（%6）。</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review and save</source>
        <translation>核对并保存</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>This plan is saved as version %1 of %2.</source>
        <translation>本计划将保存为 %2 年第 %1 版。</translation>
    </message>
    <message>
        <source>Version %1 stays on record.</source>
        <translation>第 %1 版仍会保留。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>Saving the plan…</source>
        <translation>正在保存计划…</translation>
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
    <name>RuleDialog</name>
    <message>
        <source>Edit upgrade rule</source>
        <translation>编辑升级规则</translation>
    </message>
    <message>
        <source>Add upgrade rule</source>
        <translation>添加升级规则</translation>
    </message>
    <message>
        <source>&amp;Who</source>
        <translation>适用对象(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Spent in the tier at least</source>
        <translation>在该等级累计消费满(&amp;S)</translation>
    </message>
    <message>
        <source>Or t&amp;ops up at once at least</source>
        <translation>或单次充值满(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Moves up to</source>
        <translation>升级到(&amp;M)</translation>
    </message>
    <message>
        <source>leave empty if spending does not count</source>
        <translation>不按消费升级则留空</translation>
    </message>
    <message>
        <source>leave empty if a top-up does not count</source>
        <translation>不按充值升级则留空</translation>
    </message>
    <message>
        <source>A member moves up as soon as either amount is reached (exactly the amount counts). Spending counts what was paid for goods and services since the member entered the current tier; a top-up counts the money paid in, without the bonus.</source>
        <translation>只要达到其中任一金额（正好等于也算），会员就会立即升级。消费金额指会员进入当前等级以来购买产品和服务实际支付的金额；充值金额只算实际充入的本金，不含赠送金额。</translation>
    </message>
    <message>
        <source>%1 (the rule “%2 → %3”)</source>
        <translation>%1（规则“%2 → %3”）</translation>
    </message>
</context>
<context>
    <name>RuleTable</name>
    <message>
        <source>Who</source>
        <translation>适用对象</translation>
    </message>
    <message>
        <source>When the member</source>
        <translation>升级条件</translation>
    </message>
    <message>
        <source>Moves up to</source>
        <translation>升级到</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Follow-ups are created every day from these rules and given to the customer&apos;s salesperson. Several numbers are separated by commas (e.g. 30, 60, 90).</source>
        <translation>系统每天按这些规则生成跟进，并分配给负责该客户的销售顾问。多个数字用逗号隔开（例如 30, 60, 90）。</translation>
    </message>
    <message>
        <source>Still create a missed follow-up up to (days)</source>
        <translation>错过的跟进仍补建（天数以内）</translation>
    </message>
    <message>
        <source>Skip follow-ups due more than this many days ago</source>
        <translation>跳过到期已超过此天数的跟进</translation>
    </message>
    <message>
        <source>A follow-up that fell due longer ago is history, not work. Leads and customers idle for long come round again a year later.</source>
        <translation>到期更久的跟进已成历史，不再算作待办。长期未联系的线索和顾客会在一年后再次出现。</translation>
    </message>
    <message>
        <source>Save &amp;rules</source>
        <translation>保存规则(&amp;R)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>&amp;Start the import</source>
        <translation>开始导入(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Ready. Rows with problems are left out; everything else is saved at once, or nothing if you cancel.</source>
        <translation>准备就绪。有问题的行不会导入；其余数据一次性全部保存，如果取消则什么都不保存。</translation>
    </message>
</context>
<context>
    <name>SaleNotice</name>
    <message>
        <source>membership bought</source>
        <translation>购买会员资格</translation>
    </message>
    <message>
        <source>upgraded by spending</source>
        <translation>消费达标升级</translation>
    </message>
    <message>
        <source>upgraded by a top-up</source>
        <translation>充值达标升级</translation>
    </message>
    <message>
        <source>the old tier ran out</source>
        <translation>原等级已到期</translation>
    </message>
    <message>
        <source>the purchase was refunded</source>
        <translation>该笔消费已退款</translation>
    </message>
    <message>
        <source>no tier</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>Tier: %1 → %2 (%3)</source>
        <translation>会员等级：%1 → %2（%3）</translation>
    </message>
    <message>
        <source>, valid until %1</source>
        <translation>，有效期至 %1</translation>
    </message>
    <message>
        <source>First purchase: %1 is now a customer.</source>
        <translation>首次消费：%1 已成为成交客户。</translation>
    </message>
    <message>
        <source>Buying again: %1 is now a repeat customer.</source>
        <translation>再次消费：%1 已成为复购客户。</translation>
    </message>
</context>
<context>
    <name>SalesLabels</name>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>面谈</translation>
    </message>
    <message>
        <source>Store visit</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>24 h after a trial or first visit</source>
        <translation>体验或首次到店后 24 小时</translation>
    </message>
    <message>
        <source>After a purchase</source>
        <translation>消费之后</translation>
    </message>
    <message>
        <source>Reactivate an idle customer</source>
        <translation>唤醒沉睡客户</translation>
    </message>
    <message>
        <source>Birthday coming</source>
        <translation>生日将到</translation>
    </message>
    <message>
        <source>Lead not contacted</source>
        <translation>线索客户未联系</translation>
    </message>
    <message>
        <source>Deposit not paid in full</source>
        <translation>定金未付清</translation>
    </message>
    <message>
        <source>Agreed at the last visit</source>
        <translation>上次拜访时约定</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>手动设置</translation>
    </message>
    <message>
        <source>At a visit</source>
        <translation>拜访时</translation>
    </message>
    <message>
        <source>By a purchase</source>
        <translation>因消费</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>months</source>
        <translation>个月</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <source>on revenue</source>
        <translation>按业绩</translation>
    </message>
    <message>
        <source>on gross profit</source>
        <translation>按毛利</translation>
    </message>
    <message>
        <source>brackets by amount</source>
        <translation>按金额分档</translation>
    </message>
    <message>
        <source>brackets by attainment %</source>
        <translation>按目标达成率分档</translation>
    </message>
    <message>
        <source>step: whole amount at the bracket&apos;s rate</source>
        <translation>全额累进：全部金额按所达档位比例</translation>
    </message>
    <message>
        <source>marginal: each slice at its own rate</source>
        <translation>超额累进：各段按各自比例</translation>
    </message>
    <message>
        <source>&amp;Save scheme</source>
        <translation>保存方案(&amp;S)</translation>
    </message>
    <message>
        <source>Remove scheme</source>
        <translation>删除方案</translation>
    </message>
    <message>
        <source>&amp;Base pay / month</source>
        <translation>基本工资 / 月(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Responsibility pay / month</source>
        <translation>责任工资 / 月(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Performance pay base / month</source>
        <translation>绩效工资基数 / 月(&amp;P)</translation>
    </message>
    <message>
        <source>Score factor &amp;cap %</source>
        <translation>考核系数上限 %(&amp;C)</translation>
    </message>
    <message>
        <source>Sales &amp;commission</source>
        <translation>销售提成(&amp;C)</translation>
    </message>
    <message>
        <source>Commission brackets</source>
        <translation>提成档位</translation>
    </message>
    <message>
        <source>Bonus per &amp;new member</source>
        <translation>每开发一名新会员奖励(&amp;N)</translation>
    </message>
    <message>
        <source>Mentor rule</source>
        <translation>师徒规则</translation>
    </message>
    <message>
        <source>Apprentice&apos;s standard &amp;line %</source>
        <translation>徒弟达标线 %(&amp;L)</translation>
    </message>
    <message>
        <source>Mentor bonus at or above the line</source>
        <translation>徒弟达标时师傅奖金</translation>
    </message>
    <message>
        <source>Mentor subsidy (cut below the line)</source>
        <translation>带徒补贴（未达标按比例扣减）</translation>
    </message>
    <message>
        <source>Annual bonus: &amp;share of excess %</source>
        <translation>年终奖：超额部分提取比例 %(&amp;S)</translation>
    </message>
    <message>
        <source>Annual bonus paid in month</source>
        <translation>年终奖发放月份</translation>
    </message>
    <message>
        <source>Pays sales commission</source>
        <translation>发放销售提成</translation>
    </message>
    <message>
        <source>Mentor is paid by the apprentice&apos;s result</source>
        <translation>师傅收入与徒弟业绩挂钩</translation>
    </message>
    <message>
        <source>e.g. 120</source>
        <translation>例如 120</translation>
    </message>
    <message>
        <source>e.g. 100</source>
        <translation>例如 100</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>例如 5</translation>
    </message>
    <message>
        <source>own value</source>
        <translation>个人设置</translation>
    </message>
    <message>
        <source>Ticked: this person&apos;s own value; unticked: the position&apos;s</source>
        <translation>勾选：使用此人的个人设置；不勾选：沿用岗位方案</translation>
    </message>
    <message>
        <source>%1 — own pay rules</source>
        <translation>%1 — 个人薪酬设置</translation>
    </message>
    <message>
        <source>Follows the scheme of “%1”. Tick “own value” beside a part to give this person a different value; only the ticked parts are saved.</source>
        <translation>按“%1”岗位方案计薪。勾选某项旁的“个人设置”即可为此人单独设定；只保存勾选的项目。</translation>
    </message>
    <message>
        <source>This person&apos;s position has no pay scheme. Tick “own value” beside each part this person is paid by.</source>
        <translation>此人的岗位没有薪酬方案。请勾选其计薪项目旁的“个人设置”。</translation>
    </message>
    <message>
        <source>Back to the position&apos;s scheme</source>
        <translation>恢复为岗位方案</translation>
    </message>
    <message>
        <source>Pay scheme of “%1”</source>
        <translation>“%1”的薪酬方案</translation>
    </message>
    <message>
        <source>Everyone in this position is paid by these rules unless they have their own values. Amounts per month; rates and shares in %.</source>
        <translation>本岗位所有员工按此方案计薪，个人另有设置的除外。金额按月计；比例以 % 填写。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Remove the pay scheme of “%1”? People in this position are then not on the payroll unless they have their own values.</source>
        <translation>删除“%1”的薪酬方案？删除后，该岗位员工除非有个人设置，否则不再计薪。</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>SchemesTab</name>
    <message>
        <source>Add positions on the Organisation page first; each position gets its pay scheme here.</source>
        <translation>请先在“组织架构”页面添加岗位；每个岗位在这里设置薪酬方案。</translation>
    </message>
</context>
<context>
    <name>SeasonPage</name>
    <message>
        <source>Slow and peak months</source>
        <translation>淡季与旺季</translation>
    </message>
    <message>
        <source>Split each person&apos;s year to months: as last year went, evenly, or by your own percentages (they must add up to 100).</source>
        <translation>把每人的全年目标分到各月：按去年的分布、平均分，或按自定百分比（合计必须为 100）。</translation>
    </message>
    <message>
        <source>Last year&apos;s months</source>
        <translation>按去年各月</translation>
    </message>
    <message>
        <source>Flat</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Custom percentages</source>
        <translation>自定百分比</translation>
    </message>
    <message>
        <source>&amp;Seasonality</source>
        <translation>季节分布(&amp;S)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Months add up to %1%</source>
        <translation>各月合计 %1%</translation>
    </message>
    <message>
        <source>(must be 100%)</source>
        <translation>（必须为 100%）</translation>
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
        <source>Backups kept in %1 (the newest first; OpsDesk keeps the last 7 daily ones and the last 7 taken on closing):</source>
        <translation>保存在 %1 中的备份（最新的在前；OpsDesk 保留最近 7 份每日备份和最近 7 份关闭时备份）：</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <source>Verify the selected backup as a restore would, without changing anything.</source>
        <translation>按恢复时的方式校验所选备份，不做任何更改。</translation>
    </message>
    <message>
        <source>Restore &amp;this backup…</source>
        <translation>恢复此备份(&amp;T)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh list</source>
        <translation>刷新列表(&amp;F)</translation>
    </message>
    <message>
        <source>This store&apos;s database is on a server. Backups are the server&apos;s job: have it backed up with the database server&apos;s own tools (for example pg_dump every night).</source>
        <translation>本店的数据库在服务器上。备份由服务器负责：请用数据库服务器自带的工具备份（例如每晚运行 pg_dump）。</translation>
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
        <source>No backups yet.</source>
        <translation>还没有备份。</translation>
    </message>
    <message>
        <source>Select a backup.</source>
        <translation>请选择一份备份。</translation>
    </message>
    <message>
        <source>Press Check to verify this backup before you rely on it.</source>
        <translation>依赖此备份之前，请按“检查”校验它。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>✗ Do not rely on this backup.</source>
        <translation>✗ 不要依赖此备份。</translation>
    </message>
    <message>
        <source>✓ Sound: it passed the integrity check and holds the store “%1”. It can be restored.</source>
        <translation>✓ 完好：通过了完整性检查，包含门店“%1”，可以用它恢复。</translation>
    </message>
    <message>
        <source>✓ Sound: it passed the integrity check and holds the store “%1”. It is from an older version (schema %2) and is upgraded when it is restored.</source>
        <translation>✓ 完好：通过了完整性检查，包含门店“%1”。它来自较旧的版本（结构 %2），恢复时会自动升级。</translation>
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
    <name>SnoozeDialog</name>
    <message>
        <source>Snooze follow-up</source>
        <translation>推迟跟进</translation>
    </message>
    <message>
        <source>Follow up %1 later, on:</source>
        <translation>稍后跟进 %1，日期：</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>推迟到(&amp;U)</translation>
    </message>
    <message>
        <source>+&amp;%1 d</source>
        <translation>+%1 天(&amp;%1)</translation>
    </message>
</context>
<context>
    <name>SplitPage</name>
    <message>
        <source>Split to departments and people</source>
        <translation>分解到部门和个人</translation>
    </message>
    <message>
        <source>First give each department its share of the store&apos;s target, then split each department&apos;s part among its people by the weights you choose.</source>
        <translation>先给每个部门分配全店目标的比例，再按所选权重把部门目标分到每个人。</translation>
    </message>
    <message>
        <source>Ability</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>岗位</translation>
    </message>
    <message>
        <source>Last year&apos;s share</source>
        <translation>去年占比</translation>
    </message>
    <message>
        <source>Custom percentages</source>
        <translation>自定百分比</translation>
    </message>
    <message>
        <source>&amp;Weights from</source>
        <translation>权重依据(&amp;W)</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <source>Departments add up to %1%</source>
        <translation>各部门合计 %1%</translation>
    </message>
    <message>
        <source>(must be 100%)</source>
        <translation>（必须为 100%）</translation>
    </message>
    <message>
        <source>Ability (0–10)</source>
        <translation>能力（0–10）</translation>
    </message>
    <message>
        <source>Position weight</source>
        <translation>岗位权重</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>% of department</source>
        <translation>占部门 %</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>People per department add up to: </source>
        <translation>各部门人员合计：</translation>
    </message>
    <message>
        <source>People add up to the targets: </source>
        <translation>个人目标合计等于总目标：</translation>
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
        <source>&amp;Hand over…</source>
        <translation>移交(&amp;H)…</translation>
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
    <message>
        <source>Hand over</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>%1 is leaving. Hand their customers and open follow-ups over to colleagues now?</source>
        <translation>%1 即将离职。现在就把其负责的客户和未完成的跟进移交给其他同事吗？</translation>
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
    <name>StageHistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>手动调整原因</translation>
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
    <name>TargetTexts</name>
    <message>
        <source>Revenue</source>
        <translation>营业额</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新增会员</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>成交数</translation>
    </message>
    <message>
        <source>Stored-value top-ups</source>
        <translation>储值</translation>
    </message>
    <message>
        <source>On pace</source>
        <translation>进度正常</translation>
    </message>
    <message>
        <source>Slightly behind</source>
        <translation>略微落后</translation>
    </message>
    <message>
        <source>Behind</source>
        <translation>落后</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>年初至今</translation>
    </message>
    <message>
        <source>January</source>
        <translation>一月</translation>
    </message>
    <message>
        <source>February</source>
        <translation>二月</translation>
    </message>
    <message>
        <source>March</source>
        <translation>三月</translation>
    </message>
    <message>
        <source>April</source>
        <translation>四月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>五月</translation>
    </message>
    <message>
        <source>June</source>
        <translation>六月</translation>
    </message>
    <message>
        <source>July</source>
        <translation>七月</translation>
    </message>
    <message>
        <source>August</source>
        <translation>八月</translation>
    </message>
    <message>
        <source>September</source>
        <translation>九月</translation>
    </message>
    <message>
        <source>October</source>
        <translation>十月</translation>
    </message>
    <message>
        <source>November</source>
        <translation>十一月</translation>
    </message>
    <message>
        <source>December</source>
        <translation>十二月</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>TargetWizard</name>
    <message>
        <source>Target decomposition</source>
        <translation>年度目标分解</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <source>Targets and plan tracking</source>
        <translation>目标与计划追踪</translation>
    </message>
    <message>
        <source>&amp;Tracking</source>
        <translation>计划追踪(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>年度计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Capacity planner</source>
        <translation>团队规模测算(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Indicator</source>
        <translation>指标(&amp;I)</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>There is no plan for %1 yet.</source>
        <translation>%1 年还没有计划。</translation>
    </message>
    <message>
        <source>Make one with “New plan…”.</source>
        <translation>请用“新建计划…”制定。</translation>
    </message>
    <message>
        <source>Plan %1, version %2. Pace is what the plan asks for up to the chosen day; green: on pace, amber: within 10%, red: further behind. Double-click a person to see their visits and sales.</source>
        <translation>%1 年计划第 %2 版。应完成 = 计划到所选日期为止的要求；绿：进度正常，黄：落后 10% 以内，红：落后更多。双击某人可查看其拜访和销售。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>due</source>
        <translation>应完成</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>全店</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>版本(&amp;V)</translation>
    </message>
    <message>
        <source>Indi&amp;cator</source>
        <translation>指标(&amp;C)</translation>
    </message>
    <message>
        <source>Version %1 · %2 · %3</source>
        <translation>第 %1 版 · %2 · %3</translation>
    </message>
    <message>
        <source>No plan saved yet.</source>
        <translation>还没有保存的计划。</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Saved %1 by %2. Earlier versions stay on record.</source>
        <translation>%2 于 %1 保存。以前的版本都会保留。</translation>
    </message>
    <message>
        <source>Export plan and tracking</source>
        <translation>导出计划与追踪</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
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
    <name>TemplateEditor</name>
    <message>
        <source>Use the store template</source>
        <translation>改用全店模板</translation>
    </message>
    <message>
        <source>Remove this position&apos;s own items: its people are scored on the store template again</source>
        <translation>删除该岗位自己的考核项：该岗位人员重新按全店模板考核</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>评分方式</translation>
    </message>
    <message>
        <source>Cap %</source>
        <translation>封顶 %</translation>
    </message>
    <message>
        <source>Monthly target (if no plan)</source>
        <translation>月度目标（无计划时）</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加项目</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Weights are points out of 100. Counted items are filled from the records; manual items are scored by the manager each month. A target of 0 means: only the plan&apos;s target counts.</source>
        <translation>权重以 100 分计。自动项目根据记录统计；人工项目由店长每月评分。目标填 0 表示只按计划中的目标考核。</translation>
    </message>
    <message>
        <source>&amp;Template for:</source>
        <translation>考核模板适用于(&amp;T)：</translation>
    </message>
    <message>
        <source>Store template (all positions without their own)</source>
        <translation>全店模板（适用于没有自己模板的所有岗位）</translation>
    </message>
    <message>
        <source>%1 (own template)</source>
        <translation>%1（自有模板）</translation>
    </message>
    <message>
        <source>Every position without its own template is scored on these items.</source>
        <translation>没有自己模板的岗位都按这些考核项评分。</translation>
    </message>
    <message>
        <source>This position has its own items.</source>
        <translation>该岗位有自己的考核项。</translation>
    </message>
    <message>
        <source>This position uses the store template; saving here gives it its own items.</source>
        <translation>该岗位使用全店模板；在此保存即为其建立自己的考核项。</translation>
    </message>
    <message>
        <source>automatically</source>
        <translation>自动统计</translation>
    </message>
    <message>
        <source>by the manager</source>
        <translation>店长评分</translation>
    </message>
    <message>
        <source>Total weight: %1 of 100</source>
        <translation>权重合计：%1 / 100</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Back to the store template.</source>
        <translation>已改回全店模板。</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <source>Edit tier</source>
        <translation>编辑会员等级</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加会员等级</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>会员类别(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>等级名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rank</source>
        <translation>级别(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Price</source>
        <translation>售价(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Discount</source>
        <translation>折扣(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Valid for</source>
        <translation>有效期(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Then falls to</source>
        <translation>到期后降为(&amp;T)</translation>
    </message>
    <message>
        <source>Top-up &amp;bonus</source>
        <translation>充值赠送(&amp;B)</translation>
    </message>
    <message>
        <source>Pri&amp;vileges</source>
        <translation>会员权益(&amp;V)</translation>
    </message>
    <message>
        <source>e.g. Silver card</source>
        <translation>例如：银卡</translation>
    </message>
    <message>
        <source>Higher rank is a better tier; members only ever move up by the upgrade rules.</source>
        <translation>级别越高，等级越好；会员只会按升级规则往上升。</translation>
    </message>
    <message>
        <source>What the membership itself costs; 0 if it is given free.</source>
        <translation>办理这个会员等级本身的价格；免费赠送则填 0。</translation>
    </message>
    <message>
        <source>8.8折, 88% or 0.88; empty = no discount</source>
        <translation>8.8折、88% 或 0.88；留空表示不打折</translation>
    </message>
    <message>
        <source>No end</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Where a member lands when this tier runs out.</source>
        <translation>该等级到期后，会员降到哪个等级。</translation>
    </message>
    <message>
        <source>Add b&amp;racket</source>
        <translation>添加档位(&amp;R)</translation>
    </message>
    <message>
        <source>Remove bracke&amp;t</source>
        <translation>删除档位(&amp;T)</translation>
    </message>
    <message>
        <source>Top up at least this much, get this bonus. The highest bracket reached applies; brackets do not add up.</source>
        <translation>充值满这个金额，就赠送这个金额。按达到的最高档位赠送，各档位不叠加。</translation>
    </message>
    <message>
        <source>e.g. free hair wash every visit; birthday gift</source>
        <translation>例如：每次到店免费洗头；生日礼物</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves</source>
        <translation>按 Ctrl+Enter 保存</translation>
    </message>
    <message>
        <source>Bait: an irresistible, cheap entry that draws people into the shop.</source>
        <translation>鱼饵会员：价格低、让人无法拒绝的入门会员，把客人吸引进店。</translation>
    </message>
    <message>
        <source>Regular: a reason to come back again and again.</source>
        <translation>常态会员：给客人一次又一次回店的理由。</translation>
    </message>
    <message>
        <source>Partner: a large stored-value top-up makes the customer a partner of the shop.</source>
        <translation>合伙人会员：通过大额储值，让客户成为门店的合伙人。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>TierNotice</name>
    <message>
        <source>Membership bought</source>
        <translation>购买会员资格</translation>
    </message>
    <message>
        <source>Upgraded by cumulative spend</source>
        <translation>累计消费升级</translation>
    </message>
    <message>
        <source>Upgraded by this top-up</source>
        <translation>本次充值升级</translation>
    </message>
    <message>
        <source>Tier lapsed</source>
        <translation>等级到期</translation>
    </message>
    <message>
        <source>Tier taken back by a refund</source>
        <translation>因退款收回等级</translation>
    </message>
    <message>
        <source>Tier given at registration</source>
        <translation>登记时授予等级</translation>
    </message>
    <message>
        <source>no tier</source>
        <translation>无等级</translation>
    </message>
</context>
<context>
    <name>TierTable</name>
    <message>
        <source>Kind</source>
        <translation>会员类别</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>When it runs out</source>
        <translation>到期后</translation>
    </message>
    <message>
        <source>Top-up bonus</source>
        <translation>充值赠送</translation>
    </message>
    <message>
        <source>Privileges</source>
        <translation>会员权益</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Log a visit</source>
        <translation>记录拜访</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Visited by</source>
        <translation>拜访人(&amp;V)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>结果(&amp;O)</translation>
    </message>
    <message>
        <source>New sta&amp;ge</source>
        <translation>新阶段(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Ne&amp;xt follow-up</source>
        <translation>下次跟进(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Call</source>
        <translation>电话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Meeting</source>
        <translation>面谈(&amp;M)</translation>
    </message>
    <message>
        <source>S&amp;tore visit</source>
        <translation>到店(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;WeChat</source>
        <translation>微信(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Effective: we really talked</source>
        <translation>有效：确实进行了沟通(&amp;E)</translation>
    </message>
    <message>
        <source>what came of it (needed for an effective visit)</source>
        <translation>沟通结果（有效拜访必填）</translation>
    </message>
    <message>
        <source>only when the stage goes against the purchases</source>
        <translation>仅当阶段与消费记录不一致时填写</translation>
    </message>
    <message>
        <source>+&amp;%1 d</source>
        <translation>+%1 天(&amp;%1)</translation>
    </message>
    <message>
        <source>Follow up in %1 days (Alt+%1)</source>
        <translation>%1 天后跟进 (Alt+%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>type a name, phone or its last 4 digits</source>
        <translation>输入姓名、手机号或手机尾号后 4 位</translation>
    </message>
    <message>
        <source>Completes the follow-up due %1 for %2.</source>
        <translation>完成 %2 在 %1 到期的跟进。</translation>
    </message>
    <message>
        <source>Pick the customer from the list that appears as you type.</source>
        <translation>输入时会出现列表，请从中选择客户。</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>有效拜访</translation>
    </message>
    <message>
        <source>Follow-up again</source>
        <translation>二次跟进</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>新阶段</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>%1 visits shown</source>
        <translation>显示 %1 条拜访</translation>
    </message>
    <message>
        <source>Team norms %1 – %2</source>
        <translation>团队标准 %1 – %2</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>&amp;Log visit… (Ctrl+N)</source>
        <translation>记录拜访(&amp;L)… (Ctrl+N)</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部方式</translation>
    </message>
    <message>
        <source>any customer</source>
        <translation>任意客户</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>员工(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>方式(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
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
<context>
    <name>YearPage</name>
    <message>
        <source>Year and indicators</source>
        <translation>年份与指标</translation>
    </message>
    <message>
        <source>Choose the year to plan and what the plan should count.</source>
        <translation>选择要规划的年份和计划要考核的指标。</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>年份(&amp;Y)</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Choose at least one indicator.</source>
        <translation>请至少选择一个指标。</translation>
    </message>
    <message>
        <source>Reading last year&apos;s figures…</source>
        <translation>正在读取去年的数据…</translation>
    </message>
</context>
</TS>
