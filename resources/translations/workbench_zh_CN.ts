<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="43"/>
        <source>IT load (kW)</source>
        <translation>IT 负载（kW）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="43"/>
        <source>PUE, annualised</source>
        <translation>年化 PUE</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="44"/>
        <source>CAPEX: compute</source>
        <translation>设备投资：计算</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="44"/>
        <source>CAPEX: network</source>
        <translation>设备投资：网络</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="45"/>
        <source>CAPEX: storage</source>
        <translation>设备投资：存储</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="45"/>
        <source>CAPEX: power</source>
        <translation>设备投资：电力</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="46"/>
        <source>CAPEX: cooling</source>
        <translation>设备投资：冷却</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="46"/>
        <source>CAPEX: structure</source>
        <translation>设备投资：结构</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="47"/>
        <source>CAPEX: total</source>
        <translation>设备投资：合计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="47"/>
        <source>OPEX per year (first year)</source>
        <translation>年运营费用（首年）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="48"/>
        <source>TCO over the analysis period</source>
        <translation>分析期总拥有成本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="48"/>
        <source>NPV of costs</source>
        <translation>成本净现值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="49"/>
        <source>Cost per kW of IT per month</source>
        <translation>每千瓦 IT 每月成本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="49"/>
        <source>Energy (MWh/yr)</source>
        <translation>能耗（MWh/年）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="50"/>
        <source>Water (m³/yr)</source>
        <translation>用水（m³/年）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="50"/>
        <source>CO₂ (t/yr)</source>
        <translation>二氧化碳（t/年）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="51"/>
        <source>White space (m²)</source>
        <translation>机房净面积（m²）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="51"/>
        <source>Racks</source>
        <translation>机柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="51"/>
        <source>Check errors</source>
        <translation>检查错误</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="52"/>
        <source>Check warnings</source>
        <translation>检查警告</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="52"/>
        <source>Redundancy not met (systems)</source>
        <translation>冗余不满足的系统数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="53"/>
        <source>Single points of failure (N-1)</source>
        <translation>单点故障数（N-1）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="53"/>
        <source>Largest IT loss on one failure (kW)</source>
        <translation>单一故障最大 IT 损失（kW）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="54"/>
        <source>Concurrently maintainable</source>
        <translation>可在线维护</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="54"/>
        <source>Fault tolerant</source>
        <translation>容错</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="67"/>
        <source>Compare scenarios</source>
        <translation>比较方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="73"/>
        <location filename="../../workbench/ui/scenario_bar.py" line="79"/>
        <source>Base design</source>
        <translation>基准方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="96"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="98"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="101"/>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="254"/>
        <source>Grey: unchanged · orange: moved (dashed where it was) · green: added · red: removed</source>
        <translation>灰色：未变 · 橙色：移动（虚线为原位置） · 绿色：新增 · 红色：删除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="106"/>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="107"/>
        <source>BOM difference</source>
        <translation>物料清单差异</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="108"/>
        <source>Cost over the years</source>
        <translation>逐年成本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="109"/>
        <source>Plan difference</source>
        <translation>平面差异</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="113"/>
        <source>Options (two to six):</source>
        <translation>方案（二至六个）：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="135"/>
        <source>Tick two to six options to compare.</source>
        <translation>请勾选二至六个方案进行比较。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="145"/>
        <source>N-1 verdicts are left to the Contingency panel at this size.</source>
        <translation>此规模下 N-1 结论请见“故障分析”面板。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="148"/>
        <source>Money in %1. Green: the best option of a row; yellow: the figures differ.</source>
        <translation>金额单位 %1。绿色：该行最优方案；黄色：数值不同。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="150"/>
        <source>%1 differences of the scenarios no longer apply to the base (see File problems).</source>
        <translation>方案中有 %1 处差异已不适用于基准方案（见文件问题）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="187"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="187"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="210"/>
        <source>Block type</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="227"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="238"/>
        <source>Cumulative cost (%1, millions)</source>
        <translation>累计成本（%1，百万）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/compare_dialog.py" line="255"/>
        <source>%1 moved, %2 added, %3 removed</source>
        <translation>移动 %1，新增 %2，删除 %3</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="91"/>
        <source>Editing scenario “%1”: changes apply to this option only</source>
        <translation>正在编辑方案“%1”：修改只作用于此方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="101"/>
        <source>&amp;Scenarios</source>
        <translation>方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="102"/>
        <source> Scenario: </source>
        <translation> 方案： </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="103"/>
        <source>&amp;New scenario from current…</source>
        <translation>以当前状态新建方案(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="103"/>
        <source>&amp;Duplicate scenario…</source>
        <translation>复制方案(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="104"/>
        <source>&amp;Rename scenario…</source>
        <translation>重命名方案(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="104"/>
        <source>De&amp;lete scenario</source>
        <translation>删除方案(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="105"/>
        <source>&amp;Promote to base</source>
        <translation>设为基准方案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="105"/>
        <source>&amp;Compare scenarios…</source>
        <translation>比较方案(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="108"/>
        <source>The option being edited; edits change only this option</source>
        <translation>正在编辑的方案；修改只作用于此方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="116"/>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="140"/>
        <source>New scenario</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="140"/>
        <source>Name of the new option (it starts as what you see now):</source>
        <translation>新方案名称（以当前所见状态为起点）：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="146"/>
        <source>Duplicate scenario</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="146"/>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="151"/>
        <source>Rename scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scenario_bar.py" line="151"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/tools/underlay_tools.py" line="72"/>
        <source>Align: click a point on the drawing (it snaps to line ends and crossings)</source>
        <translation>对齐：在底图上点击一点（吸附到线段端点和交点）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/tools/underlay_tools.py" line="73"/>
        <source>Align: click where that point belongs (a hall corner, a column)</source>
        <translation>对齐：点击该点应在的位置（机房角点、柱子）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/tools/underlay_tools.py" line="74"/>
        <source>Align: click a second point on the drawing, far from the first</source>
        <translation>对齐：在底图上点击第二点，距第一点越远越好</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/tools/underlay_tools.py" line="75"/>
        <source>Align: click where the second point belongs</source>
        <translation>对齐：点击第二点应在的位置</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="290"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="291"/>
        <source>Start an empty design</source>
        <translation>新建一个空白设计</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="292"/>
        <source>New from &amp;template…</source>
        <translation>从模板新建(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="293"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="294"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="295"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="296"/>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="297"/>
        <source>Close the design (asks to save changes)</source>
        <translation>关闭设计（有未保存的更改时会询问）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="298"/>
        <source>&amp;Design report…</source>
        <translation>设计报告(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="299"/>
        <source>BOM &amp;PDF…</source>
        <translation>物料清单 PDF(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="300"/>
        <source>BOM &amp;spreadsheet…</source>
        <translation>物料清单电子表格(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="301"/>
        <source>D&amp;XF drawing…</source>
        <translation>D&amp;XF 图纸…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="302"/>
        <source>The design as a CAD drawing: layers, blocks with attributes, dimensions</source>
        <translation>将设计导出为 CAD 图纸：图层、带属性的图块、尺寸标注</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="303"/>
        <source>DXF &amp;underlay…</source>
        <translation>DXF 底图(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="304"/>
        <source>Lay the architect&apos;s DXF drawing under the halls</source>
        <translation>将建筑师的 DXF 图纸铺在机房下方</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="305"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="306"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="307"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="308"/>
        <source>Cu&amp;t</source>
        <translation>剪切(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="309"/>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="310"/>
        <source>&amp;Paste</source>
        <translation>粘贴(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="311"/>
        <source>Paste at the cursor</source>
        <translation>粘贴到光标处</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="313"/>
        <source>Copy the selection next to itself</source>
        <translation>在所选对象旁复制一份</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="314"/>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="315"/>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="317"/>
        <source>Turn the selection a quarter turn about its centre</source>
        <translation>将所选对象绕其中心旋转四分之一圈</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="318"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="319"/>
        <source>U&amp;nlock</source>
        <translation>解锁(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="321"/>
        <source>Language, units, theme, grid, shared template folders and report logo</source>
        <translation>语言、单位、主题、网格、共享模板文件夹和报告徽标</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="322"/>
        <source>Nudge left</source>
        <translation>向左微移</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="323"/>
        <source>Nudge right</source>
        <translation>向右微移</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="324"/>
        <source>Nudge up</source>
        <translation>向上微移</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="325"/>
        <source>Nudge down</source>
        <translation>向下微移</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="326"/>
        <source>Nudge left ten steps</source>
        <translation>向左微移十步</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="327"/>
        <source>Nudge right ten steps</source>
        <translation>向右微移十步</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="328"/>
        <source>Nudge up ten steps</source>
        <translation>向上微移十步</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="329"/>
        <source>Nudge down ten steps</source>
        <translation>向下微移十步</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="330"/>
        <source>&amp;Fit hall</source>
        <translation>适合机房(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="331"/>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到所选(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="332"/>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="334"/>
        <source>&amp;Grid</source>
        <translation>网格(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="335"/>
        <source>S&amp;nap</source>
        <translation>吸附(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="336"/>
        <source>Snap to &amp;drawing</source>
        <translation>捕捉底图(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="337"/>
        <source>Pull clicks to the underlay&apos;s line ends, midpoints and crossings</source>
        <translation>点击时吸附到底图线段的端点、中点和交点</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="340"/>
        <source>&amp;Select tool</source>
        <translation>选择工具(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="341"/>
        <source>&amp;Row / array…</source>
        <translation>成排 / 阵列(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="342"/>
        <source>&amp;Module…</source>
        <translation>模块(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="312"/>
        <source>Dupl&amp;icate</source>
        <translation>创建副本(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="316"/>
        <source>R&amp;otate 90°</source>
        <translation>旋转 90°(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="320"/>
        <source>Pr&amp;eferences…</source>
        <translation>首选项(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="333"/>
        <source>Zoom o&amp;ut</source>
        <translation>缩小(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="338"/>
        <source>Dar&amp;k theme</source>
        <translation>深色主题(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="339"/>
        <source>I&amp;mperial units</source>
        <translation>英制单位(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="343"/>
        <source>Sa&amp;ve selection as module…</source>
        <translation>将所选保存为模块(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="344"/>
        <source>Keep the selected blocks as a module template</source>
        <translation>将所选设备保存为模块模板</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="345"/>
        <source>&amp;Explode module</source>
        <translation>分解模块(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="346"/>
        <source>Turn the selected module back into single blocks</source>
        <translation>将所选模块还原为单个设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="347"/>
        <source>&amp;Import template bundle…</source>
        <translation>导入模板包(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="348"/>
        <source>Add templates from a shared .zip bundle</source>
        <translation>从共享的 .zip 模板包添加模板</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="349"/>
        <source>&amp;Column</source>
        <translation>柱子(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="350"/>
        <source>&amp;Door</source>
        <translation>门(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="351"/>
        <source>&amp;Hall outline</source>
        <translation>机房轮廓(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="352"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="353"/>
        <source>&amp;Getting started</source>
        <translation>入门指南(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="354"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="355"/>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="356"/>
        <source>Zoom at the cursor</source>
        <translation>以光标为中心缩放</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="357"/>
        <source>Middle drag, Space + drag</source>
        <translation>中键拖动，空格键 + 拖动</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="358"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="359"/>
        <source>Click, Ctrl + click</source>
        <translation>单击，Ctrl + 单击</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="360"/>
        <source>Select, add or remove from the selection</source>
        <translation>选择，或在选择中添加、移除</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="361"/>
        <source>Drag left to right</source>
        <translation>从左向右拖动</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="362"/>
        <source>Window: select blocks wholly inside</source>
        <translation>窗选：选择完全位于框内的设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="363"/>
        <source>Drag right to left</source>
        <translation>从右向左拖动</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="364"/>
        <source>Crossing: select blocks touched</source>
        <translation>交叉选择：选择与框接触的设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="365"/>
        <source>Drag a block</source>
        <translation>拖动设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="366"/>
        <source>Move the selection (snaps to grid and to neighbour edges)</source>
        <translation>移动所选对象（吸附到网格和相邻边缘）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="367"/>
        <source>Shift while dragging</source>
        <translation>拖动时按住 Shift</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="368"/>
        <source>Suspend snapping</source>
        <translation>暂停吸附</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="369"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="370"/>
        <source>Clear the selection, cancel a drag, or leave the current tool</source>
        <translation>清除选择、取消拖动或退出当前工具</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="371"/>
        <source>Enter, double-click</source>
        <translation>Enter，双击</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="372"/>
        <source>Close a hall polygon (hall outline tool)</source>
        <translation>闭合机房多边形（机房轮廓工具）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="373"/>
        <source>Right-click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="374"/>
        <source>Remove a column or door (their tools), or leave the tool</source>
        <translation>删除柱子或门（使用相应工具时），或退出工具</translation>
    </message>
</context>
<context>
    <name>AllowanceAmountField</name>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="76"/>
        <source>Fixed amount of {0}: {1}</source>
        <translation>{0}的固定金额：{1}</translation>
    </message>
</context>
<context>
    <name>ArrayDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="111"/>
        <source>Place row / array</source>
        <translation>布置成排 / 阵列</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="112"/>
        <source>Block type</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="112"/>
        <source>Blocks per row</source>
        <translation>每排设备数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="112"/>
        <source>Pitch along the row</source>
        <translation>沿排间距</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="113"/>
        <source>Rows</source>
        <translation>排数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="113"/>
        <source>Cold aisle width</source>
        <translation>冷通道宽度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="113"/>
        <source>Hot aisle width</source>
        <translation>热通道宽度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="113"/>
        <source>Facing</source>
        <translation>朝向</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="114"/>
        <source>Name prefix</source>
        <translation>名称前缀</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="114"/>
        <source>Lower-left corner X</source>
        <translation>左下角 X</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="114"/>
        <source>Lower-left corner Y</source>
        <translation>左下角 Y</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="120"/>
        <source>Pairs sharing cold aisles (fronts face each other)</source>
        <translation>成对共用冷通道（正面相对）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="121"/>
        <source>Pairs sharing hot aisles (backs face each other)</source>
        <translation>成对共用热通道（背面相对）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="122"/>
        <source>All rows face down</source>
        <translation>所有排朝下</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="123"/>
        <source>All rows face up</source>
        <translation>所有排朝上</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="161"/>
        <source>%1 blocks</source>
        <translation>%1 台设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/array_dialog.py" line="163"/>
        <source>, %1 kW of IT</source>
        <translation>，IT 负载 %1 kW</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="6"/>
        <source>Recover design</source>
        <translation>恢复设计</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="7"/>
        <source>The workbench did not close normally last time.</source>
        <translation>工作台上次未正常关闭。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="8"/>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="9"/>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="10"/>
        <source>Not now</source>
        <translation>暂不处理</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="11"/>
        <source>an unsaved design</source>
        <translation>未保存的设计</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="12"/>
        <source>An autosave of “{name}” from {time} can be recovered.</source>
        <translation>可以恢复“{name}”于 {time} 的自动保存。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="13"/>
        <source>a file is where the folder should be</source>
        <translation>该文件夹的位置上是一个文件</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="14"/>
        <source>Its file: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="15"/>
        <source>{n} older autosaves are kept as well.</source>
        <translation>另外还保留了 {n} 个较早的自动保存。</translation>
    </message>
</context>
<context>
    <name>BlockPage</name>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="111"/>
        <source>Block</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="114"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="115"/>
        <source>Power system</source>
        <translation>供电系统</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="116"/>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="118"/>
        <source>{0} (default)</source>
        <translation>{0}（默认）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="117"/>
        <source>Cooling loop</source>
        <translation>冷却回路</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="119"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="120"/>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="121"/>
        <source>Centre X</source>
        <translation>中心 X</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="122"/>
        <source>Centre Y</source>
        <translation>中心 Y</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="123"/>
        <source>Type figures (blank = catalog value)</source>
        <translation>型号参数（留空 = 目录值）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="135"/>
        <source>IT load</source>
        <translation>IT 负载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="136"/>
        <source>Air-cooled share (0–1)</source>
        <translation>风冷占比（0–1）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="137"/>
        <source>Liquid-cooled share (0–1)</source>
        <translation>液冷占比（0–1）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="138"/>
        <source>Coolant ΔT</source>
        <translation>冷却液温差 ΔT</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="139"/>
        <source>Rating</source>
        <translation>额定容量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="140"/>
        <source>Air cooling capacity</source>
        <translation>风冷制冷量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="141"/>
        <source>Liquid cooling capacity</source>
        <translation>液冷制冷量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="142"/>
        <source>Heat rejection capacity</source>
        <translation>排热能力</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="143"/>
        <source>Fan power</source>
        <translation>风机功率</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="144"/>
        <source>Pump power</source>
        <translation>水泵功率</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="145"/>
        <source>COP</source>
        <translation>能效比（COP）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="146"/>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="163"/>
        <source>Type: {0}  ({1})</source>
        <translation>型号：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="165"/>
        <source>{0} blocks of {1} types: {2}</source>
        <translation>{0} 台设备，{1} 种型号：{2}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="194"/>
        <source>Catalog value: {0}{1}</source>
        <translation>目录值：{0}{1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="196"/>
        <source> — overridden on this block</source>
        <translation> — 本设备已覆盖此值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="221"/>
        <source>Set {0} of 1 block</source>
        <translation>设置 1 个块的{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="221"/>
        <source>Set {0} of {1} blocks</source>
        <translation>设置 {1} 个块的{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_block.py" line="230"/>
        <source>Locked blocks cannot be moved; unlock them first.</source>
        <translation>已锁定的设备不能移动，请先解锁。</translation>
    </message>
</context>
<context>
    <name>BundleExportDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="165"/>
        <source>Export template bundle</source>
        <translation>导出模板包</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="166"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="166"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="166"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="166"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="167"/>
        <source>hall</source>
        <translation>机房</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="167"/>
        <source>module</source>
        <translation>模块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="168"/>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="168"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="168"/>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="176"/>
        <source>Bundle name:</source>
        <translation>模板包名称：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="176"/>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="176"/>
        <source>Author:</source>
        <translation>作者：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="177"/>
        <source>Licence:</source>
        <translation>许可：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="177"/>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="177"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="180"/>
        <source>What the bundle holds and who it is for (optional)</source>
        <translation>模板包的内容及适用对象（可选）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="181"/>
        <source>Folder and file name of the .zip</source>
        <translation>.zip 文件的文件夹和文件名</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="182"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="183"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="193"/>
        <source>Templates to include (%n ticked):</source>
        <translation>
            <numerusform>要包含的模板（已勾选 %n 个）：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="233"/>
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="244"/>
        <source>Save template bundle</source>
        <translation>保存模板包</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="245"/>
        <source>Template bundles (*.zip)</source>
        <translation>模板包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="258"/>
        <source>Tick at least one template to put in the bundle.</source>
        <translation>请至少勾选一个要放入模板包的模板。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="260"/>
        <source>Give the bundle a name.</source>
        <translation>请为模板包命名。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="262"/>
        <source>Give the bundle a version, for example 1.0.0.</source>
        <translation>请填写模板包版本，例如 1.0.0。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="264"/>
        <source>The description is longer than %1 characters.</source>
        <translation>说明超过 %1 个字符。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="268"/>
        <source>Choose where to save the bundle (Save to).</source>
        <translation>请选择模板包的保存位置（保存到）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="276"/>
        <source>%1 is a folder; add a file name ending in .zip.</source>
        <translation>%1 是文件夹；请加上以 .zip 结尾的文件名。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="279"/>
        <source>%1 is a file, not a folder; the bundle cannot be saved inside it.</source>
        <translation>%1 是文件而不是文件夹，模板包无法保存在其中。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="298"/>
        <source>Replace bundle?</source>
        <translation>替换模板包？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="299"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="283"/>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="315"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="315"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/bundle_export_dialog.py" line="324"/>
        <source>Nothing was written. Please fix this and export again:</source>
        <translation>未写入任何内容。请修正以下问题后再导出：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../build/i18n/extra_strings.py" line="16"/>
        <source>Bundle %1 written with %n template(s): %2.</source>
        <translation>
            <numerusform>已写入模板包 %1，含 %n 个模板：%2。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="17"/>
        <source>Block libraries included: %1.</source>
        <translation>包含的块库：%1。</translation>
    </message>
</context>
<context>
    <name>CanvasMenu</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="233"/>
        <source>&amp;Properties…</source>
        <translation>属性(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="234"/>
        <source>Select all of this &amp;type</source>
        <translation>选择所有同类型(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="235"/>
        <source>Re&amp;name hall…</source>
        <translation>重命名机房(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="236"/>
        <source>&amp;Delete hall…</source>
        <translation>删除机房(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="237"/>
        <source>Select the &amp;blocks in this hall</source>
        <translation>选择此机房中的块(&amp;B)</translation>
    </message>
</context>
<context>
    <name>ChecksDock</name>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="171"/>
        <source>Checks ({0})</source>
        <translation>检查（{0}）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="171"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="172"/>
        <source>Errors {0}</source>
        <translation>错误 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="172"/>
        <source>Warnings {0}</source>
        <translation>警告 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="172"/>
        <source>Info {0}</source>
        <translation>提示 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="173"/>
        <source>Show errors</source>
        <translation>显示错误</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="173"/>
        <source>Show warnings</source>
        <translation>显示警告</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="173"/>
        <source>Show notes</source>
        <translation>显示提示</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="178"/>
        <source>No problems found: no overlaps, clearances, capacity or floor issues.</source>
        <translation>未发现问题：无重叠、维护间距、容量或楼面荷载问题。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/checks.py" line="180"/>
        <source>All {0} checks are hidden by the filter.</source>
        <translation>全部 {0} 项检查都被筛选隐藏了。</translation>
    </message>
</context>
<context>
    <name>ClimatePanel</name>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="74"/>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="85"/>
        <source>Hour of day</source>
        <translation>一天中的小时</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="74"/>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="85"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="75"/>
        <source>Hours by cooling mode: free · partial · mechanical</source>
        <translation>各冷却模式小时数：自然冷却 · 部分自然冷却 · 机械制冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="91"/>
        <source>No weather file: the annual PUE uses the typed economizer hours, the less accurate path. Choose the site&apos;s weather in the inspector&apos;s Climate tab.</source>
        <translation>无气象文件：年均 PUE 按手动输入的自然冷却小时数计算，精度较低。请在属性面板的“气候”页选择站点气象数据。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="95"/>
        <source>{0}: annual PUE {1} (Σ facility / Σ IT over {2} hours), worst hour {3}, peak facility {4} kW</source>
        <translation>{0}：年均 PUE {1}（{2} 小时设施能耗之和 / IT 能耗之和），最差小时 {3}，设施峰值 {4} kW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="102"/>
        <source>Colour: PUE {0} (blue) to {1} (red)</source>
        <translation>颜色：PUE {0}（蓝）至 {1}（红）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="125"/>
        <source>{0} · {1} / {2} °C · free {3} h · partial {4} h · mechanical {5} h</source>
        <translation>{0} · {1} / {2} °C · 自然冷却 {3} h · 部分 {4} h · 机械 {5} h</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics_climate.py" line="129"/>
        <source>supply not held {0} h</source>
        <translation>供水温度未能保持 {0} h</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="18"/>
        <source>IT load (kW)</source>
        <translation>IT 负载（kW）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="19"/>
        <source>PUE, annualised</source>
        <translation>年化 PUE</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="20"/>
        <source>CAPEX: compute</source>
        <translation>设备投资：计算</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="21"/>
        <source>CAPEX: network</source>
        <translation>设备投资：网络</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="22"/>
        <source>CAPEX: storage</source>
        <translation>设备投资：存储</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="23"/>
        <source>CAPEX: power</source>
        <translation>设备投资：电力</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="24"/>
        <source>CAPEX: cooling</source>
        <translation>设备投资：冷却</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="25"/>
        <source>CAPEX: structure</source>
        <translation>设备投资：结构</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="26"/>
        <source>CAPEX: total</source>
        <translation>设备投资：合计</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="27"/>
        <source>OPEX per year (first year)</source>
        <translation>年运营费用（首年）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="28"/>
        <source>TCO over the analysis period</source>
        <translation>分析期总拥有成本</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="29"/>
        <source>NPV of costs</source>
        <translation>成本净现值</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="30"/>
        <source>Cost per kW of IT per month</source>
        <translation>每千瓦 IT 每月成本</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="31"/>
        <source>Energy (MWh/yr)</source>
        <translation>能耗（MWh/年）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="32"/>
        <source>Water (m³/yr)</source>
        <translation>用水（m³/年）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="33"/>
        <source>CO₂ (t/yr)</source>
        <translation>二氧化碳（t/年）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="34"/>
        <source>White space (m²)</source>
        <translation>机房净面积（m²）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="35"/>
        <source>Racks</source>
        <translation>机柜</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="36"/>
        <source>Check errors</source>
        <translation>检查错误</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="37"/>
        <source>Check warnings</source>
        <translation>检查警告</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="38"/>
        <source>Redundancy not met (systems)</source>
        <translation>冗余不满足的系统数</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="39"/>
        <source>Single points of failure (N-1)</source>
        <translation>单点故障数（N-1）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="40"/>
        <source>Largest IT loss on one failure (kW)</source>
        <translation>单一故障最大 IT 损失（kW）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="41"/>
        <source>Concurrently maintainable</source>
        <translation>可在线维护</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="42"/>
        <source>Fault tolerant</source>
        <translation>容错</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="43"/>
        <source>Compare scenarios</source>
        <translation>比较方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="44"/>
        <source>Grey: unchanged · orange: moved (dashed where it was) · green: added · red: removed</source>
        <translation>灰色：未变 · 橙色：移动（虚线为原位置） · 绿色：新增 · 红色：删除</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="45"/>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="46"/>
        <source>BOM difference</source>
        <translation>物料清单差异</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="47"/>
        <source>Cost over the years</source>
        <translation>逐年成本</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="48"/>
        <source>Plan difference</source>
        <translation>平面差异</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="49"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="50"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="51"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="52"/>
        <source>Options (two to six):</source>
        <translation>方案（二至六个）：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="53"/>
        <source>Tick two to six options to compare.</source>
        <translation>请勾选二至六个方案进行比较。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="54"/>
        <source>N-1 verdicts are left to the Contingency panel at this size.</source>
        <translation>此规模下 N-1 结论请见“故障分析”面板。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="55"/>
        <source>Money in %1. Green: the best option of a row; yellow: the figures differ.</source>
        <translation>金额单位 %1。绿色：该行最优方案；黄色：数值不同。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="56"/>
        <source>Base design</source>
        <translation>基准方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="57"/>
        <source>Block type</source>
        <translation>设备类型</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="58"/>
        <source>Cumulative cost (%1, millions)</source>
        <translation>累计成本（%1，百万）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="59"/>
        <source>%1 differences of the scenarios no longer apply to the base (see File problems).</source>
        <translation>方案中有 %1 处差异已不适用于基准方案（见文件问题）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="60"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="61"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="62"/>
        <source>%1 moved, %2 added, %3 removed</source>
        <translation>移动 %1，新增 %2，删除 %3</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="65"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="66"/>
        <source>Failed (what-if; not saved)</source>
        <translation>故障（假设分析，不保存）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="67"/>
        <source>Fail this block to see which racks go dark; Plant → Clear failures restores all</source>
        <translation>将此设备设为故障，查看哪些机柜断电；厂站 → 清除故障 可全部恢复</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="75"/>
        <source>missing block %1</source>
        <translation>缺失的设备 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="80"/>
        <source>power</source>
        <translation>电力</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="80"/>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="80"/>
        <source>heat</source>
        <translation>散热</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="95"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="96"/>
        <source>Fed by</source>
        <translation>上游</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="97"/>
        <source>Feeds</source>
        <translation>下游</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="114"/>
        <source>Remove this connection (one undo step)</source>
        <translation>删除此连接（一步撤销）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="120"/>
        <source>… and %1 more</source>
        <translation>… 另有 %1 条</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="134"/>
        <source>Failed.</source>
        <translation>已设为故障。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="136"/>
        <source>Dark: loses power or cooling with the failed blocks.</source>
        <translation>断电：因故障设备失去电力或冷却。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="138"/>
        <source>Overloaded after failover.</source>
        <translation>切换后过载。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="140"/>
        <source>Not operating: starved by the failed blocks.</source>
        <translation>停止运行：上游故障设备导致失去供给。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="147"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_connections.py" line="149"/>
        <source>The design is open read-only; save a copy to edit it.</source>
        <translation>设计以只读方式打开；请另存副本后编辑。</translation>
    </message>
</context>
<context>
    <name>ContingencyDock</name>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="126"/>
        <source>Contingency (N-1)</source>
        <translation>故障分析（N-1）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="129"/>
        <source>N-1: every component</source>
        <translation>N-1：逐台设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="130"/>
        <source>N-2: pairs within a system</source>
        <translation>N-2：同一系统内两两组合</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="132"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="133"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="134"/>
        <source>Component</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="134"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="134"/>
        <source>IT lost (kW)</source>
        <translation>IT 损失（kW）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="135"/>
        <source>Dark racks</source>
        <translation>断电机柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="135"/>
        <source>Finding</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="139"/>
        <source>Fails every power and cooling component in turn and lists what goes dark.</source>
        <translation>逐一停用每台电力和冷却设备，列出会断电的机柜。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="165"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="172"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="189"/>
        <source>The analysis failed: %1</source>
        <translation>分析失败：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="192"/>
        <source>Cancelled; the results shown before stay until the next run.</source>
        <translation>已取消；之前的结果保留到下次运行。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="208"/>
        <source>The design changed since this run; run again to update.</source>
        <translation>设计在本次运行后已修改；请重新运行以更新。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="229"/>
        <source>holds</source>
        <translation>满足</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="229"/>
        <source>does not hold</source>
        <translation>不满足</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="233"/>
        <source>%1 components break it</source>
        <translation>%1 台设备导致不满足</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="237"/>
        <source>Broken by: %1</source>
        <translation>导致不满足的设备：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="238"/>
        <source> and %1 more</source>
        <translation> 等另外 %1 台</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="244"/>
        <source>%1 components, %2 cases, %3 single points of failure</source>
        <translation>%1 台设备，%2 种工况，%3 个单点故障</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="246"/>
        <source>Concurrently maintainable</source>
        <translation>可同时维护</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="247"/>
        <source>Fault tolerant</source>
        <translation>容错</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="250"/>
        <source>Worst overload after failover: %1 at %2 % of its rating when %3 fails</source>
        <translation>切换后最严重的过载：%3 故障时，%1 达到额定容量的 %2 %</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="254"/>
        <source>No device goes above its rating after any single failure.</source>
        <translation>任何单一故障后都没有设备超过额定容量。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="255"/>
        <source>Design-rule verdicts in the style of the Uptime Institute tiers, not a certification.</source>
        <translation>参照 Uptime Institute 等级定义表述的设计规则结论，并非认证。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="261"/>
        <source>single point of failure</source>
        <translation>单点故障</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="265"/>
        <source>pair loss (N-2)</source>
        <translation>组合故障（N-2）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/contingency.py" line="268"/>
        <source>overloads %1 (%2 %)</source>
        <translation>使 %1 过载（%2 %）</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/crash_dialog.py" line="37"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/crash_dialog.py" line="39"/>
        <source>Something went wrong: {message}

Your design is still open; save it now to be safe. The details were written to {log}.</source>
        <translation>出现问题：{message}

您的设计仍处于打开状态，为安全起见请立即保存。详细信息已写入 {log}。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/crash_dialog.py" line="41"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>DesignPage</name>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="132"/>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="133"/>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="285"/>
        <source>Hall</source>
        <translation>机房</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="135"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="136"/>
        <source>Floor type</source>
        <translation>地面类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="137"/>
        <source>Slab</source>
        <translation>结构楼板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="137"/>
        <source>Raised floor</source>
        <translation>架空地板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="138"/>
        <source>Floor rating</source>
        <translation>楼面荷载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="140"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="141"/>
        <source>Width (X)</source>
        <translation>宽度 (X)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="142"/>
        <source>Depth (Y)</source>
        <translation>进深 (Y)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="143"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="144"/>
        <source>X from … to</source>
        <translation>X 起止</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="145"/>
        <source>Y from … to</source>
        <translation>Y 起止</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="156"/>
        <source>Site and proposal</source>
        <translation>场地与方案</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="158"/>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="159"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="160"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="161"/>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="162"/>
        <source>Prepared by</source>
        <translation>编制人</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="166"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="168"/>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="196"/>
        <source>Sized by</source>
        <translation>计价方式</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="197"/>
        <source>Rate × quantity</source>
        <translation>单价 × 数量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="197"/>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="198"/>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="201"/>
        <source>Fixed amount</source>
        <translation>固定金额</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="209"/>
        <source>LV switchboards and cabling</source>
        <translation>低压配电柜及电缆</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="209"/>
        <source>Piping, valves and coolant</source>
        <translation>管道、阀门及冷却液</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="210"/>
        <source>BMS and power monitoring</source>
        <translation>楼宇自控及电力监控系统</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="210"/>
        <source>Fire detection and suppression</source>
        <translation>火灾报警及灭火系统</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="211"/>
        <source>UPS batteries</source>
        <translation>UPS 电池</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="211"/>
        <source>Installation</source>
        <translation>安装</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="212"/>
        <source>Testing and commissioning</source>
        <translation>测试与调试</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="218"/>
        <source>Load</source>
        <translation>负载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="218"/>
        <source>Power</source>
        <translation>供电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="218"/>
        <source>Cooling</source>
        <translation>制冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="219"/>
        <source>Climate and chillers</source>
        <translation>气候与冷水机组</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="219"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="219"/>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="220"/>
        <source>Physical constants</source>
        <translation>物理常数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="220"/>
        <source>Economics over the years</source>
        <translation>多年经济性</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="230"/>
        <source>Doors</source>
        <translation>门</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="232"/>
        <source>Door D{0} width</source>
        <translation>门 D{0} 宽度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="250"/>
        <source>Redundancy</source>
        <translation>冗余</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="255"/>
        <source>Power system “{0}”</source>
        <translation>供电系统“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="256"/>
        <source>Cooling group “{0}”</source>
        <translation>制冷组“{0}”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="286"/>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="287"/>
        <source>Assumptions</source>
        <translation>假设条件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="288"/>
        <source>Climate</source>
        <translation>气候</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="289"/>
        <source>Proposal</source>
        <translation>报价文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="298"/>
        <source>allowed {0} to {1} {2}</source>
        <translation>允许范围 {0} 至 {1} {2}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="301"/>
        <source>{0}
Default {1:,g} {2}; {3}
Source: {4}</source>
        <translation>{0}
默认值 {1:,g} {2}；{3}
来源：{4}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="308"/>
        <source>How {0} is priced: by the share or rate above, or as a fixed amount you give</source>
        <translation>{0}的计价方式：按上方的比例或单价，或按给定的固定金额</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="310"/>
        <source>{0} as a lump sum in USD, like every price in the design: converted once into the export currency and marked up by the price factor (the equipment build premium does not apply). It replaces the share or rate above.</source>
        <translation>{0}的固定金额，与设计中的其他价格一样以美元输入：导出时一次换算为导出币种，并计入价格系数（不计设备建设溢价）。该金额取代上方的比例或单价。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="381"/>
        <source>Typing a width or depth keeps the lower-left corner where it is. Blocks are not moved; any left outside are flagged in Checks.</source>
        <translation>输入宽度或进深时，左下角保持不动。设备不会被移动；落在机房外的设备会在“检查”中标出。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="384"/>
        <source>Not a rectangle: width and depth are the outline&apos;s extent. Reshape it on the canvas with the Hall outline tool.</source>
        <translation>非矩形机房：宽度和进深为轮廓的外包尺寸。请在画布上用“机房轮廓”工具调整形状。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="397"/>
        <source>Door D{0} on the wall at x {1} mm, y {2} mm</source>
        <translation>门 D{0}，位于墙上 x {1} mm、y {2} mm 处</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="400"/>
        <source>Blocks must keep a clear zone {0} mm deep inside each door for equipment delivery (assumption under Layout).</source>
        <translation>每扇门内侧须留出 {0} mm 深的净空区，作为设备运输通道（见假设条件中的“布局”）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="403"/>
        <source>No doors: add them on a hall wall with the Door tool.</source>
        <translation>尚无门：请用“门”工具在机房墙上添加。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="416"/>
        <source>Set width of door D{0} of {1} to {2} mm</source>
        <translation>将 {1} 的门 D{0} 宽度设为 {2} mm</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="434"/>
        <source>Set {0} of {1}</source>
        <translation>设置{1}的{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="440"/>
        <source>Only a rectangular hall can be sized here; reshape this one with the Hall outline tool.</source>
        <translation>此处只能设置矩形机房的尺寸；请用“机房轮廓”工具调整此机房的形状。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="449"/>
        <source>Set width of {0} to {1} mm</source>
        <translation>将 {0} 的宽度设为 {1} mm</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="454"/>
        <source>Set depth of {0} to {1} mm</source>
        <translation>将 {0} 的进深设为 {1} mm</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="463"/>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="472"/>
        <source>Set {0}</source>
        <translation>设置{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="484"/>
        <source>Set {0} to a fixed amount</source>
        <translation>将{0}改为固定金额</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="486"/>
        <source>Size {0} from its assumption</source>
        <translation>{0}改回按假设参数计价</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="493"/>
        <source>Fixed amount of {0}: enter an amount in USD, or size it by its share or rate again above.</source>
        <translation>{0}的固定金额：请输入美元金额，或在上方改回按比例或单价计价。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="498"/>
        <source>Fixed amount of {0}: {1}</source>
        <translation>{0}的固定金额：{1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="502"/>
        <source>Set fixed amount of {0}</source>
        <translation>设置{0}的固定金额</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector_design.py" line="506"/>
        <source>Set redundancy of {0} to {1}</source>
        <translation>将{0}的冗余设为 {1}</translation>
    </message>
</context>
<context>
    <name>DiagramDock</name>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="73"/>
        <source>Single-line diagram</source>
        <translation>单线图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="74"/>
        <source>Single-line (power)</source>
        <translation>单线图（电力）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="75"/>
        <source>Cooling schematic</source>
        <translation>冷却原理图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="76"/>
        <source>Click selects on the plan, double-click zooms there, right-click fails or restores.</source>
        <translation>单击在平面图中选中，双击缩放到该处，右键设为故障或恢复。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="77"/>
        <source>Wide levels are grouped per feeding device.</source>
        <translation>设备较多的层级按供电设备分组显示。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="83"/>
        <source>Fail (what-if)</source>
        <translation>设为故障（假设分析）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="83"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="86"/>
        <source>Utility</source>
        <translation>市电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="86"/>
        <source>MV switchgear</source>
        <translation>中压开关柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="87"/>
        <source>Transformer</source>
        <translation>变压器</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="87"/>
        <source>LV switchgear</source>
        <translation>低压开关柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="88"/>
        <source>UPS</source>
        <translation>UPS</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="88"/>
        <source>Distribution</source>
        <translation>配电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="88"/>
        <source>Loads</source>
        <translation>负载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="89"/>
        <source>Heat rejection</source>
        <translation>散热设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="89"/>
        <source>Loop</source>
        <translation>环路</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="90"/>
        <source>CDU / air units</source>
        <translation>CDU / 空调末端</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="90"/>
        <source>Racks</source>
        <translation>机柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="165"/>
        <source>The diagram layout is not available in this build.</source>
        <translation>此版本不提供系统图布局。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="203"/>
        <source>Utility grid</source>
        <translation>市电电网</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="204"/>
        <source>cooling loop</source>
        <translation>冷却环路</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="209"/>
        <location filename="../../workbench/ui/docks/single_line.py" line="213"/>
        <source>IT %1 kW</source>
        <translation>IT %1 kW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="210"/>
        <source>%1 racks</source>
        <translation>%1 个机柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="214"/>
        <source>cords %1</source>
        <translation>电源线 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="217"/>
        <source>%1 of %2 kW</source>
        <translation>%1 / %2 kW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/single_line.py" line="239"/>
        <source> · side %1</source>
        <translation> · %1 路</translation>
    </message>
</context>
<context>
    <name>EditText</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="117"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="118"/>
        <source>Edit hall</source>
        <translation>编辑机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="119"/>
        <source>Add hall</source>
        <translation>添加机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="120"/>
        <source>Edit site</source>
        <translation>编辑场地</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="121"/>
        <source>Edit assumption</source>
        <translation>编辑假设</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="122"/>
        <source>Edit redundancy</source>
        <translation>编辑冗余</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="123"/>
        <source>Add module</source>
        <translation>添加模块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="124"/>
        <source>Remove module</source>
        <translation>移除模块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="125"/>
        <source>Explode modules</source>
        <translation>分解模块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="126"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="127"/>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="128"/>
        <source>Auto-connect</source>
        <translation>自动连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="129"/>
        <source>Scenario</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="130"/>
        <source>Delete hall</source>
        <translation>删除机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="131"/>
        <source>Move hall</source>
        <translation>移动机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="132"/>
        <source>Move 1 block</source>
        <translation>移动 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="133"/>
        <source>Nudge 1 block</source>
        <translation>微移 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="134"/>
        <source>Rotate 1 block</source>
        <translation>旋转 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="135"/>
        <source>Delete 1 block</source>
        <translation>删除 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="136"/>
        <source>Add 1 block</source>
        <translation>添加 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="137"/>
        <source>Duplicate 1 block</source>
        <translation>创建 1 个块的副本</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="138"/>
        <source>Paste 1 block</source>
        <translation>粘贴 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="139"/>
        <source>Lock 1 block</source>
        <translation>锁定 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="140"/>
        <source>Unlock 1 block</source>
        <translation>解锁 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="141"/>
        <source>Edit 1 block</source>
        <translation>编辑 1 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="142"/>
        <source>Insert module {0}</source>
        <translation>插入模块 {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="143"/>
        <source>Explode module {0}</source>
        <translation>分解模块 {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="144"/>
        <source>Delete hall {0}</source>
        <translation>删除机房 {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="145"/>
        <source>Rename hall {0}</source>
        <translation>重命名机房 {0}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="146"/>
        <source>Move {0} blocks</source>
        <translation>移动 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="147"/>
        <source>Nudge {0} blocks</source>
        <translation>微移 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="148"/>
        <source>Rotate {0} blocks</source>
        <translation>旋转 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="149"/>
        <source>Delete {0} blocks</source>
        <translation>删除 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="150"/>
        <source>Add {0} blocks</source>
        <translation>添加 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="151"/>
        <source>Duplicate {0} blocks</source>
        <translation>创建 {0} 个块的副本</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="152"/>
        <source>Paste {0} blocks</source>
        <translation>粘贴 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="153"/>
        <source>Lock {0} blocks</source>
        <translation>锁定 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="154"/>
        <source>Unlock {0} blocks</source>
        <translation>解锁 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="155"/>
        <source>Edit {0} blocks</source>
        <translation>编辑 {0} 个块</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="75"/>
        <source>The design is open read-only; use Save As to edit a copy</source>
        <translation>设计以只读方式打开；请使用“另存为”编辑副本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="80"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="101"/>
        <source>Nothing selected</source>
        <translation>未选择任何对象</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="153"/>
        <source>The selection is locked</source>
        <translation>所选对象已锁定</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="165"/>
        <source>Locked blocks are not deleted; unlock them first</source>
        <translation>已锁定的设备不会被删除，请先解锁</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="173"/>
        <source>No free spot for a copy in this hall: every place nearby overlaps equipment, a column, a door zone or a service clearance</source>
        <translation>本机房内没有放置副本的空位：附近每个位置都会与设备、柱子、门前净空区或检修净空重叠</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="210"/>
        <source>Delete hall</source>
        <translation>删除机房</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="211"/>
        <source>“{0}” holds {1} blocks. What should happen to them?</source>
        <translation>“{0}”中有 {1} 个块。要如何处理它们？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="214"/>
        <source>Delete the hall and its blocks</source>
        <translation>删除机房及其中的块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="215"/>
        <source>Delete the hall, keep the blocks</source>
        <translation>删除机房，保留块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="229"/>
        <source>The blocks stay where they are; the checks list those outside every hall</source>
        <translation>块保持原位；检查会列出不在任何机房内的块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="240"/>
        <source>Rename hall</source>
        <translation>重命名机房</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="240"/>
        <source>Hall name:</source>
        <translation>机房名称：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="264"/>
        <source>Copied 1 block</source>
        <translation>已复制 1 个块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="264"/>
        <source>Copied {0} blocks</source>
        <translation>已复制 {0} 个块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/scene/editor.py" line="274"/>
        <source>The clipboard holds no blocks</source>
        <translation>剪贴板中没有设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="238"/>
        <source>Column</source>
        <translation>柱子</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="239"/>
        <source>Click in a hall to add a column; drag a column to move it; right-click a column to remove it</source>
        <translation>在机房内单击添加柱子；拖动柱子可移动；右键单击柱子可删除</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="241"/>
        <source>Click inside a hall to add a column</source>
        <translation>在机房内单击以添加柱子</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="242"/>
        <source>Move column</source>
        <translation>移动柱子</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="240"/>
        <source>Add column</source>
        <translation>添加柱子</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="243"/>
        <source>Remove column</source>
        <translation>删除柱子</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="251"/>
        <source>Door</source>
        <translation>门</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="252"/>
        <source>Click on a hall wall to add a door; drag a door along the walls; right-click a door to remove it</source>
        <translation>在机房墙上单击添加门；沿墙拖动门可移动；右键单击门可删除</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="254"/>
        <source>Click on a hall wall to add a door</source>
        <translation>在机房墙上单击以添加门</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="253"/>
        <source>Move door</source>
        <translation>移动门</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="255"/>
        <source>Door D{0} of {1}: {2} mm wide. Type its width under Doors in the Properties panel&apos;s Hall tab.</source>
        <translation>{1} 的门 D{0}：宽 {2} mm。可在“属性”面板“机房”页的“门”一栏中输入宽度。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="256"/>
        <source>Add door</source>
        <translation>添加门</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="257"/>
        <source>Remove door</source>
        <translation>删除门</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="258"/>
        <source>Hall outline</source>
        <translation>机房轮廓</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="260"/>
        <source>the hall is smaller than 1 m × 1 m</source>
        <translation>机房小于 1 m × 1 m</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="268"/>
        <source>Add hall</source>
        <translation>添加机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="265"/>
        <source>Reshape hall</source>
        <translation>调整机房形状</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="244"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="245"/>
        <source>power</source>
        <translation>电力</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="246"/>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="247"/>
        <source>heat</source>
        <translation>散热</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="248"/>
        <source>Press on a block and drag to the block it feeds or is fed by</source>
        <translation>按住一个设备，拖到它的上游或下游设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="249"/>
        <source>These two blocks have no ports that fit together</source>
        <translation>这两个设备没有相互匹配的端口</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="250"/>
        <source>Connected %1</source>
        <translation>已连接 %1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="259"/>
        <source>Corner: drag to move it; right-click it, or click it and press Delete, to remove it</source>
        <translation>角点：拖动可移动；右键单击，或单击后按 Delete 键，可删除</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="261"/>
        <source>Add hall corner</source>
        <translation>添加机房角点</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="262"/>
        <source>Remove hall corner</source>
        <translation>删除机房角点</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="263"/>
        <source>Wall: drag to move it square to itself; double-click to add a corner there</source>
        <translation>墙：拖动可沿其垂直方向平移；双击可在此处添加角点</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="264"/>
        <source>Drag to draw a rectangular hall, or click corners and double-click to close a polygon; point at a hall&apos;s corner or wall to reshape it</source>
        <translation>拖动绘制矩形机房，或逐个单击角点并双击闭合多边形；指向机房的角点或墙可调整其形状</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="266"/>
        <source>Move hall wall</source>
        <translation>移动机房墙</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="267"/>
        <source>Corner not removed: a hall needs at least three corners</source>
        <translation>未删除角点：机房至少需要三个角点</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="269"/>
        <source>Hall not added: %1</source>
        <translation>未添加机房：%1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="270"/>
        <source>Hall %1</source>
        <translation>机房 %1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="271"/>
        <source>Outline not changed: %1</source>
        <translation>轮廓未更改：%1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="272"/>
        <source>Place %1</source>
        <translation>放置 %1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="273"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="274"/>
        <source>The selection is locked; unlock it to move it</source>
        <translation>所选对象已锁定，解锁后才能移动</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="275"/>
        <source>Align underlay</source>
        <translation>对齐底图</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="276"/>
        <source>Hall from drawing</source>
        <translation>由底图生成机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="277"/>
        <source>Click inside a closed outline of the drawing: it becomes the hall there, or a new hall</source>
        <translation>在底图的闭合轮廓内点击：它将成为该处机房的轮廓，或成为一个新机房</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="278"/>
        <source>Hall outline from drawing</source>
        <translation>由底图设定机房轮廓</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="279"/>
        <source>There is no underlay to take a hall from</source>
        <translation>没有可用于生成机房的底图</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="280"/>
        <source>No closed outline of the drawing around this point</source>
        <translation>此点周围没有底图的闭合轮廓</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="281"/>
        <source>Not aligned: %1</source>
        <translation>未对齐：%1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="282"/>
        <source>Hall not changed: %1</source>
        <translation>机房未更改：%1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="283"/>
        <source>Underlay aligned: scale %1, turned %2°</source>
        <translation>底图已对齐：缩放 %1，旋转 %2°</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="67"/>
        <source>Export design report</source>
        <translation>导出设计报告</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="68"/>
        <source>Export bill of materials (PDF)</source>
        <translation>导出物料清单（PDF）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="69"/>
        <source>Export bill of materials (spreadsheet)</source>
        <translation>导出物料清单（电子表格）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="70"/>
        <source>Report language</source>
        <translation>报告语言</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="71"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="72"/>
        <source>Rate (per USD)</source>
        <translation>汇率（每 USD）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="73"/>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="74"/>
        <source>Plan scale</source>
        <translation>平面图比例</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="75"/>
        <source>Price factor</source>
        <translation>价格系数</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="76"/>
        <source>Logo</source>
        <translation>徽标</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="77"/>
        <source>Save as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="78"/>
        <source>Prices for</source>
        <translation>价格对象</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="79"/>
        <source>Customer (selling prices only)</source>
        <translation>客户版（仅售价）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="80"/>
        <source>Internal (cost, price factor and margin)</source>
        <translation>内部版（成本、价格系数及毛利）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="81"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="82"/>
        <source>Choose a logo</source>
        <translation>选择徽标</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="83"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图像 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="84"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="85"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="86"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="87"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="66"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="63"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="64"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="65"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="88"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="89"/>
        <source>Fit to page</source>
        <translation>适合页面</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="90"/>
        <source>Written to {}</source>
        <translation>已写入 {}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="91"/>
        <source>The export could not be written:
{}</source>
        <translation>无法写入导出文件：
{}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="92"/>
        <source>The file name must end in {}.</source>
        <translation>文件名必须以 {} 结尾。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="93"/>
        <source>The folder {} does not exist.</source>
        <translation>文件夹 {} 不存在。</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="109"/>
        <source>mixed values</source>
        <translation>多个不同值</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="110"/>
        <source>Enter a value; this cannot be blank.</source>
        <translation>请输入一个值，此项不能为空。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="111"/>
        <source>mixed</source>
        <translation>不同值</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="112"/>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="113"/>
        <source>“{0}” is not a number.</source>
        <translation>“{0}”不是数字。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="114"/>
        <source>Must be at most {0} {1}.</source>
        <translation>不得大于 {0} {1}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="115"/>
        <source>Must be more than {0} {1}.</source>
        <translation>必须大于 {0} {1}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="116"/>
        <source>Must be at least {0} {1}.</source>
        <translation>不得小于 {0} {1}。</translation>
    </message>
</context>
<context>
    <name>FileCommands</name>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="76"/>
        <location filename="../../workbench/ui/file_commands.py" line="80"/>
        <location filename="../../workbench/ui/file_commands.py" line="194"/>
        <source>Cannot open design</source>
        <translation>无法打开设计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="86"/>
        <source>Opened with warnings</source>
        <translation>已打开，但有警告</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="112"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="113"/>
        <source>Save the changes to %1 before closing it?</source>
        <translation>关闭前是否保存对 %1 的更改？</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="161"/>
        <source>Cannot save design</source>
        <translation>无法保存设计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="165"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="188"/>
        <source>Clear list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="190"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/file_commands.py" line="195"/>
        <source>%1 no longer exists.</source>
        <translation>%1 已不存在。</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../workbench/ui/dialogs/file_dialogs.py" line="10"/>
        <source>Data hall designs (*.dchall.json);;All files (*)</source>
        <translation>数据机房设计 (*.dchall.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/file_dialogs.py" line="14"/>
        <source>Open design</source>
        <translation>打开设计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/file_dialogs.py" line="20"/>
        <source>Save design as</source>
        <translation>设计另存为</translation>
    </message>
</context>
<context>
    <name>FileSession</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="156"/>
        <source>Autosave problem</source>
        <translation>自动保存问题</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="157"/>
        <source>Autosave failed: {reason}. Your changes are only safe once you save.</source>
        <translation>自动保存失败：{reason}。在您保存之前，所做的更改没有保护。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="158"/>
        <source>Autosave cannot write to {reason}; autosaving to {folder} instead.</source>
        <translation>自动保存无法写入 {reason}；改为自动保存到 {folder}。</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/getting_started.py" line="40"/>
        <source>Getting started</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/getting_started.py" line="46"/>
        <source>The walkthrough could not be read from {0} ({1}).</source>
        <translation>无法从 {0} 读取入门指南（{1}）。</translation>
    </message>
</context>
<context>
    <name>HallView</name>
    <message>
        <location filename="../../workbench/ui/scene/view.py" line="328"/>
        <source>This design has no blocks yet.
Drag equipment from the Block palette onto the hall, or double-click it;
Insert → Module… drops a whole pod; File → New from template… starts from a proven hall.
Help → Getting started walks you through the first five minutes.</source>
        <translation>此设计还没有设备。
从“设备面板”把设备拖到机房中，或双击设备；
插入 → 模块… 可放入整个模块；文件 → 从模板新建… 可从成熟的机房设计开始。
帮助 → 入门指南 带你完成最初的五分钟。</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="94"/>
        <source>&lt;h3&gt;Getting started&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;Look around.&lt;/b&gt; Wheel zooms at the cursor; drag with the middle button or Space + drag to pan; &lt;b&gt;Home&lt;/b&gt; fits the halls.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Lay blocks.&lt;/b&gt; Drag a block type from the Palette onto the hall, or double-click it to place one at the centre. &lt;b&gt;Insert → Row / array&lt;/b&gt; lays whole rows as hot/cold aisle pairs.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Arrange.&lt;/b&gt; Click or drag a window to select; drag to move (snaps to the 600 mm tiles and to neighbouring edges, hold Shift to place freely); arrows nudge, &lt;b&gt;R&lt;/b&gt; rotates, &lt;b&gt;Ctrl+D&lt;/b&gt; duplicates.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Read the numbers.&lt;/b&gt; The Metrics panel follows every edit: IT load, PUE, power and cooling capacity with redundancy. Red outlines mark overlaps, blocks outside a hall, blocked service clearances and floor overloads; the Checks panel lists them.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Shape the room.&lt;/b&gt; Insert → Hall outline draws or reshapes halls; Column and Door add the building&apos;s fixed parts.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Every change can be undone (Ctrl+Z). Help → Keyboard shortcuts lists all keys.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;入门指南&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;b&gt;浏览。&lt;/b&gt;滚轮以光标为中心缩放；按住中键拖动或按住空格键拖动可平移；&lt;b&gt;Home&lt;/b&gt; 键使机房适合窗口。&lt;/li&gt;&lt;li&gt;&lt;b&gt;布置设备。&lt;/b&gt;从设备面板将设备类型拖到机房中，或双击在中心放置一个。&lt;b&gt;插入 → 成排 / 阵列&lt;/b&gt;可按冷/热通道成对布置整排机柜。&lt;/li&gt;&lt;li&gt;&lt;b&gt;调整。&lt;/b&gt;单击或拖出选框进行选择；拖动可移动（吸附到 600 mm 地板砖和相邻边缘，按住 Shift 可自由放置）；方向键微移，&lt;b&gt;R&lt;/b&gt; 旋转，&lt;b&gt;Ctrl+D&lt;/b&gt; 创建副本。&lt;/li&gt;&lt;li&gt;&lt;b&gt;查看指标。&lt;/b&gt;指标面板随每次编辑更新：IT 负载、电能使用效率（PUE）、含冗余的供电与制冷容量。红色轮廓标出重叠、位于机房外的设备、被挡住的维护间距和楼面超载；检查面板列出这些问题。&lt;/li&gt;&lt;li&gt;&lt;b&gt;塑造房间。&lt;/b&gt;插入 → 机房轮廓可绘制或调整机房；柱子和门用于添加建筑的固定构件。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;所有更改均可撤销（Ctrl+Z）。帮助 → 键盘快捷键列出了所有按键。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="95"/>
        <source>Getting started</source>
        <translation>入门指南</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="96"/>
        <source>About Data Hall Workbench</source>
        <translation>关于数据机房设计工作台</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="97"/>
        <source>&lt;b&gt;Data Hall Workbench&lt;/b&gt; %1&lt;br&gt;Lay out AI data halls like bricks and see capacity, redundancy and PUE as you go.&lt;br&gt;&lt;br&gt;Licensed under Apache-2.0. Chinese text uses Droid Sans Fallback (Apache-2.0).</source>
        <translation>&lt;b&gt;数据机房设计工作台&lt;/b&gt; %1&lt;br&gt;像搭积木一样布置 AI 数据机房，随时查看容量、冗余和电能使用效率（PUE）。&lt;br&gt;&lt;br&gt;以 Apache-2.0 许可发布。中文文字使用 Droid Sans Fallback 字体（Apache-2.0）。</translation>
    </message>
</context>
<context>
    <name>HistoryDock</name>
    <message>
        <location filename="../../workbench/ui/docks/history.py" line="21"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/history.py" line="22"/>
        <source>&lt;opened design&gt;</source>
        <translation>&lt;打开的设计&gt;</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <location filename="../../workbench/ui/docks/inspector.py" line="46"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector.py" line="62"/>
        <source>{0} blocks selected</source>
        <translation>已选择 {0} 台设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector.py" line="66"/>
        <source>Design: {0}</source>
        <translation>设计：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/inspector.py" line="77"/>
        <source>The design is open read-only; save a copy to edit it.</source>
        <translation>设计以只读方式打开；请保存副本后再编辑。</translation>
    </message>
</context>
<context>
    <name>LockPrompt</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="98"/>
        <source>Design in use</source>
        <translation>设计正在使用中</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="104"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="105"/>
        <source>an unknown computer</source>
        <translation>一台未知计算机</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="99"/>
        <source>If you both edit it, one of you will overwrite the other&apos;s changes. Open it read-only to look (you can still save a copy under another name), or open it anyway if you are sure the other session has ended.</source>
        <translation>如果你们同时编辑，一方将覆盖另一方的更改。可以只读方式打开查看（仍可另存副本），如果确定对方会话已经结束，也可以直接打开。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="100"/>
        <source>Open read-only</source>
        <translation>只读打开</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="101"/>
        <source>Open anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="102"/>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="103"/>
        <source>not a regular file</source>
        <translation>一个非普通文件</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="106"/>
        <source>“{name}” is already open by {user} on {host} since {time}.</source>
        <translation>“{name}”已由 {user} 在 {host} 上打开（自 {time} 起）。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="107"/>
        <source>Cannot tell whether someone else is editing “{name}”.</source>
        <translation>无法判断是否有其他人正在编辑“{name}”。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="108"/>
        <source>{lock} is {problem}, so the workbench cannot lock the design. Open it read-only (you can still save a copy under another name), or remove that item and open the design again.</source>
        <translation>{lock} 是{problem}，因此工作台无法锁定该设计。请以只读方式打开（仍可另存为副本），或删除该项后重新打开设计。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="152"/>
        <source>Command failed</source>
        <translation>命令失败</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="153"/>
        <source>The command could not be completed:
%1</source>
        <translation>命令无法完成：
%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="176"/>
        <source>Docks unavailable: %1</source>
        <translation>面板不可用：%1</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="4"/>
        <source>Cannot open design</source>
        <translation>无法打开设计</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="302"/>
        <source>Template gallery</source>
        <translation>模板库</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="310"/>
        <source>Module gallery</source>
        <translation>模块库</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="320"/>
        <source>Module saved to %1</source>
        <translation>模块已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="326"/>
        <source>Select a placed module to explode it</source>
        <translation>请选择一个已放置的模块再分解</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="333"/>
        <source>Import template bundle</source>
        <translation>导入模板包</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="334"/>
        <source>Template bundles (*.zip)</source>
        <translation>模板包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="342"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="348"/>
        <source>%1 is not available in this build.</source>
        <translation>此版本不提供 %1。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="365"/>
        <source>Place row / array</source>
        <translation>布置成排 / 阵列</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="454"/>
        <source>Tool: %1</source>
        <translation>工具：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="463"/>
        <source>Snap: on (%1)</source>
        <translation>吸附：开（%1）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="464"/>
        <source>Snap: off</source>
        <translation>吸附：关</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="470"/>
        <source>Scale %1</source>
        <translation>比例 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="475"/>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="475"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="476"/>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="476"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="480"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="486"/>
        <source> — scenario “%1”</source>
        <translation> — 方案“%1”</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="488"/>
        <source> [read-only]</source>
        <translation> [只读]</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="501"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="503"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/main_window.py" line="504"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="5"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="375"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="376"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="377"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="378"/>
        <source>&amp;Insert</source>
        <translation>插入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="379"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>MetricsDock</name>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="241"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="242"/>
        <source>Load against capacity</source>
        <translation>负载与容量</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="242"/>
        <source>PUE against IT load</source>
        <translation>PUE 随 IT 负载变化</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="243"/>
        <source>Facility overhead by subsystem</source>
        <translation>各子系统的设施开销</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="243"/>
        <source>Key figures</source>
        <translation>关键数据</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="244"/>
        <source>The year at the site</source>
        <translation>站点全年运行</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="248"/>
        <source>IT load (design)</source>
        <translation>IT 负载（设计）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="249"/>
        <source>PUE, annualised</source>
        <translation>PUE（全年）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="250"/>
        <source>PUE, design day</source>
        <translation>PUE（设计日）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="251"/>
        <source>Utilisation</source>
        <translation>利用率</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="252"/>
        <source>Design</source>
        <translation>设计值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="253"/>
        <source>Back to the design&apos;s IT utilisation assumption</source>
        <translation>恢复为设计的 IT 利用率假设</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="254"/>
        <source>IT utilisation for the operating point: sets the load the PUE is evaluated at</source>
        <translation>运行工况的 IT 利用率：决定计算 PUE 时的负载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="256"/>
        <source>Racks (compute / network / storage)</source>
        <translation>机柜（计算 / 网络 / 存储）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="256"/>
        <source>Blocks placed</source>
        <translation>已放置设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="257"/>
        <source>White space</source>
        <translation>IT 机房面积</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="257"/>
        <source>Power density</source>
        <translation>功率密度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="258"/>
        <source>Average per rack</source>
        <translation>单机柜平均功率</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="258"/>
        <source>Annual energy (facility)</source>
        <translation>年耗电量（设施）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="259"/>
        <source>Annual energy cost</source>
        <translation>年电费</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="208"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="265"/>
        <source>IT load (kW)</source>
        <translation>IT 负载（kW）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="208"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="265"/>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="266"/>
        <source>No power or cooling equipment placed yet.</source>
        <translation>尚未放置供电或制冷设备。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="290"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="411"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="435"/>
        <source>{0} kW</source>
        <translation>{0} kW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="294"/>
        <source>PUE at {0} % utilisation</source>
        <translation>{0} % 利用率下的 PUE</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="324"/>
        <source>PUE incomplete: it leaves out what is not placed yet.</source>
        <translation>PUE 不完整：未计入尚未布置的部分。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="343"/>
        <source>UPS</source>
        <translation>不间断电源（UPS）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="343"/>
        <source>Distribution</source>
        <translation>配电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="343"/>
        <source>Battery</source>
        <translation>电池</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="344"/>
        <source>Generators</source>
        <translation>发电机组</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="344"/>
        <source>Transformers</source>
        <translation>变压器</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="345"/>
        <source>MV switchgear</source>
        <translation>中压开关柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="345"/>
        <source>Solid-state transformers</source>
        <translation>固态变压器</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="346"/>
        <source>Air units</source>
        <translation>空调末端</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="346"/>
        <source>CDUs</source>
        <translation>冷却分配单元（CDU）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="346"/>
        <source>Chillers</source>
        <translation>冷水机组</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="347"/>
        <source>Dry coolers</source>
        <translation>干冷器</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="347"/>
        <source>Cooling towers</source>
        <translation>冷却塔</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="358"/>
        <source>{0}
{1} modules, installed {2} kW, usable under {3}: {4} kW
load {5} kW, headroom {6} kW, stranded {7} kW</source>
        <translation>{0}
{1} 台，装机 {2} kW，{3} 冗余下可用 {4} kW
负载 {5} kW，余量 {6} kW，闲置 {7} kW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="362"/>
        <source>{0} not met</source>
        <translation>{0} 未满足</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="368"/>
        <source>Power</source>
        <translation>供电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="369"/>
        <source>Air cooling</source>
        <translation>风冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="370"/>
        <source>Liquid cooling</source>
        <translation>液冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="371"/>
        <source>Heat rejection</source>
        <translation>排热</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="377"/>
        <source>Space and floor</source>
        <translation>空间与楼面</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="385"/>
        <source>Block footprint {0} m² of {1} m² floor</source>
        <translation>设备占地 {0} m²，场地面积 {1} m²</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="386"/>
        <source>{0} · footprint</source>
        <translation>{0} · 占地</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="387"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="392"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="387"/>
        <source>over</source>
        <translation>超出</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="384"/>
        <source>Block footprint {0} m² of {1} m² white space</source>
        <translation>设备占地 {0} m²，IT 机房面积 {1} m²</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="259"/>
        <source>CAPEX, project total (ROM)</source>
        <translation>项目总投资（粗略估算）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="260"/>
        <source>of which equipment</source>
        <translation>其中设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="260"/>
        <source>Project cost per MW IT</source>
        <translation>每 MW IT 项目投资</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="391"/>
        <source>{0} · floor, heaviest block</source>
        <translation>{0} · 楼面，最重设备</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="392"/>
        <source>overloaded</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="393"/>
        <source>Heaviest block {0} kN/m² against a {1} rating of {2} kN/m²</source>
        <translation>最重设备 {0} kN/m²，{1}承载能力 {2} kN/m²</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="405"/>
        <source>Power losses</source>
        <translation>供电损耗</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="406"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="409"/>
        <location filename="../../workbench/ui/docks/metrics.py" line="413"/>
        <source>{0} kW · pPUE {1:.3f}</source>
        <translation>{0} kW · pPUE {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="408"/>
        <source>Cooling</source>
        <translation>制冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="411"/>
        <source>Lighting</source>
        <translation>照明</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="412"/>
        <source>Miscellaneous</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="429"/>
        <source>{0}  ({1} / {2} / {3})</source>
        <translation>{0}（{1} / {2} / {3}）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="433"/>
        <source>{0} m²</source>
        <translation>{0} m²</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="434"/>
        <source>{0} kW/m²</source>
        <translation>{0} kW/m²</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="436"/>
        <source>{0} MWh/yr</source>
        <translation>{0} MWh/年</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="440"/>
        <source>{0} /MW</source>
        <translation>{0} /MW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="445"/>
        <source>Rate {0} {1} per USD; {2}</source>
        <translation>汇率 {0} {1}/USD；{2}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="447"/>
        <source>Equipment and allowances (LV boards, piping, BMS, fire protection, batteries, installation, commissioning), as the BOM&apos;s total project CAPEX at cost, without a price factor</source>
        <translation>设备及暂列费用（低压配电、管道、楼宇自控、消防、电池、安装、调试），即物料清单的项目总投资，按成本计，不含价格系数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="449"/>
        <source>Equipment {0} + allowances {1}
{2}</source>
        <translation>设备 {0} + 暂列费用 {1}
{2}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="452"/>
        <source>Equipment only: {0} /MW</source>
        <translation>仅设备：{0} /MW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/metrics.py" line="454"/>
        <source>IT load per m² of white space</source>
        <translation>每平方米 IT 机房面积的 IT 负载</translation>
    </message>
</context>
<context>
    <name>PaletteDock</name>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="234"/>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="235"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="236"/>
        <source>Storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="237"/>
        <source>Power</source>
        <translation>供电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="238"/>
        <source>Cooling</source>
        <translation>制冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="239"/>
        <source>Structure</source>
        <translation>建筑结构</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="247"/>
        <source>{0} kW IT</source>
        <translation>{0} kW IT</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="249"/>
        <source>liquid</source>
        <translation>液冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="251"/>
        <source>{0} kW</source>
        <translation>{0} kW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="255"/>
        <source>{0} kW air</source>
        <translation>{0} kW 风冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="257"/>
        <source>{0} kW liquid</source>
        <translation>{0} kW 液冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="259"/>
        <source>{0} kW rejection</source>
        <translation>{0} kW 排热</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="260"/>
        <source>{0} × {1} mm</source>
        <translation>{0} × {1} mm</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="267"/>
        <source>Footprint {0} × {1} mm, height {2} mm, {3} kg</source>
        <translation>占地 {0} × {1} mm，高 {2} mm，{3} kg</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="270"/>
        <source>Price {0} {1} ({2})</source>
        <translation>价格 {0} {1}（{2}）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="273"/>
        <source>Source: {0}</source>
        <translation>来源：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="277"/>
        <source>Block palette</source>
        <translation>设备面板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="278"/>
        <source>Search id or name (English / 中文)</source>
        <translation>按编号或名称搜索（English / 中文）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="307"/>
        <source>{0} block types · drag onto the hall or double-click</source>
        <translation>{0} 种设备 · 拖入机房或双击放置</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="309"/>
        <source>No block type matches “{0}”</source>
        <translation>没有与“{0}”匹配的设备类型</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/palette.py" line="311"/>
        <source>{0} of {1} block types</source>
        <translation>{0} / {1} 种设备</translation>
    </message>
</context>
<context>
    <name>Plant</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="181"/>
        <source>&amp;Connect tool</source>
        <translation>连接工具(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="182"/>
        <source>Auto-connect &amp;whole design</source>
        <translation>自动连接整个设计(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="183"/>
        <source>Auto-connect &amp;selection</source>
        <translation>自动连接所选设备(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="184"/>
        <source>&amp;Fail selected blocks</source>
        <translation>将所选设备设为故障(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="185"/>
        <source>&amp;Restore selected blocks</source>
        <translation>恢复所选设备(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="186"/>
        <source>C&amp;lear failures</source>
        <translation>清除故障(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="187"/>
        <source>&amp;Power connections</source>
        <translation>电力连接(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="188"/>
        <source>&amp;Liquid connections</source>
        <translation>液冷连接(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="189"/>
        <source>&amp;Heat connections</source>
        <translation>散热连接(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="190"/>
        <source>Drag from one block to another to connect them; only ports that fit are offered</source>
        <translation>从一个设备拖到另一个设备进行连接；只提供相互匹配的端口</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="191"/>
        <source>Bring every failed block back; the plan and diagrams restore</source>
        <translation>恢复所有故障设备；平面图和系统图随之恢复</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="192"/>
        <source>C&amp;onnections overlay</source>
        <translation>连接叠加显示(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="193"/>
        <source>&amp;Plant</source>
        <translation>厂站(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="194"/>
        <source>Restore (what-if)</source>
        <translation>恢复（假设分析）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="195"/>
        <source>Select the blocks to auto-connect first</source>
        <translation>请先选择要自动连接的设备</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="196"/>
        <source>Auto-connect</source>
        <translation>自动连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="197"/>
        <source>Fail (what-if)</source>
        <translation>设为故障（假设分析）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="198"/>
        <source>Auto-connect is not available in this build</source>
        <translation>此版本不提供自动连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="199"/>
        <source>Auto-connect: %1 connections</source>
        <translation>自动连接：%1 条连接</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="200"/>
        <source>Fail %1 blocks (what-if)</source>
        <translation>将 %1 台设备设为故障（假设分析）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="201"/>
        <source>%1 failed: %2 racks dark (%3 kW IT lost), %4 devices overloaded</source>
        <translation>%1 台故障：%2 个机柜断电或失冷（损失 IT %3 kW），%4 台设备过载</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="125"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="126"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="127"/>
        <source>Units:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="128"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="129"/>
        <source>Grid step:</source>
        <translation>网格步长：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="130"/>
        <source>Shared template folders:</source>
        <translation>共享模板文件夹：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="131"/>
        <source>Company logo for reports:</source>
        <translation>报告中的公司徽标：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="132"/>
        <source>SI (m, kW, °C, L/min)</source>
        <translation>公制（m、kW、°C、L/min）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="133"/>
        <source>Imperial (ft, kW, °F, gal/min)</source>
        <translation>英制（ft、kW、°F、gal/min）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="134"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="134"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="135"/>
        <source>Blocks snap to this step when snapping is on; 600 mm is one raised-floor tile.</source>
        <translation>开启吸附时，设备按此步长对齐；600 mm 为一块架空地板砖。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="136"/>
        <source>Folders (for example on a network share) whose hall, module and block templates appear next to the shipped ones.</source>
        <translation>这些文件夹（例如网络共享）中的机房、模块和设备模板会与内置模板一起显示。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="138"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="139"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="140"/>
        <source>PNG or JPEG file; used when a design has no logo of its own</source>
        <translation>PNG 或 JPEG 文件；在设计没有自己的徽标时使用</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="141"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="142"/>
        <source>The interface changes language at once.</source>
        <translation>界面语言将立即切换。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="181"/>
        <source>Company logo: the file {0} does not exist.</source>
        <translation>公司徽标：文件 {0} 不存在。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="183"/>
        <source>Company logo: use a PNG or JPEG file, not {0}.</source>
        <translation>公司徽标：请使用 PNG 或 JPEG 文件，而不是 {0}。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="192"/>
        <source>Shared template folders: {0} is not a folder now (unplugged drive or offline share?); it is kept and skipped until it is back.</source>
        <translation>共享模板文件夹：{0} 当前不是文件夹（驱动器已拔出或共享离线？）；它会保留在列表中，恢复前将被跳过。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="224"/>
        <source>Shared template folder</source>
        <translation>共享模板文件夹</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="239"/>
        <source>Company logo</source>
        <translation>公司徽标</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/preferences.py" line="240"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图像 (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ProposalTab</name>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="82"/>
        <source>One item per line. Empty lists use the standard items in the report&apos;s language. Revisions: rev | date | author | change. Sign-off: role | name | date. Names in Chinese: one per line, as typed = translation.</source>
        <translation>每行一项。列表为空时，报告按所选语言使用标准条目。修订记录：版本 | 日期 | 编制人 | 修改内容。签署：职责 | 姓名 | 日期。中文名称：每行一个，原名 = 译名。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="85"/>
        <source>Scope of supply</source>
        <translation>供货范围</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="85"/>
        <source>Exclusions</source>
        <translation>不包括的内容</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="86"/>
        <source>Clarifications</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="86"/>
        <source>Validity (days)</source>
        <translation>有效期（天）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="87"/>
        <source>Price basis</source>
        <translation>价格基础</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="87"/>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="88"/>
        <source>ASHRAE class</source>
        <translation>ASHRAE 等级</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="88"/>
        <source>Tier intent</source>
        <translation>可靠性等级目标</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="89"/>
        <source>Codes and standards</source>
        <translation>规范与标准</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="89"/>
        <source>Revision history</source>
        <translation>修订记录</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="90"/>
        <source>Sign-off</source>
        <translation>签署</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="90"/>
        <source>Customer logo file</source>
        <translation>客户标志文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="91"/>
        <source>Names in Chinese</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="92"/>
        <source>Description in Chinese</source>
        <translation>中文说明</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="94"/>
        <source>Apply proposal fields</source>
        <translation>应用报价文件字段</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/proposal_tab.py" line="153"/>
        <source>Edit proposal fields</source>
        <translation>编辑报价文件字段</translation>
    </message>
</context>
<context>
    <name>SaveGuard</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="202"/>
        <source>Save design</source>
        <translation>保存设计</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="203"/>
        <source>Save As…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="204"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="205"/>
        <source>“{name}” is not the file this recovered design came from.</source>
        <translation>“{name}”不是此恢复设计所来自的文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="206"/>
        <source>It changed after the autosave was written, or it is a different design with the same name. Replacing it would lose what it holds now.
{path}</source>
        <translation>该文件在自动保存之后已被修改，或是同名的另一个设计。替换它将丢失其当前内容。
{path}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="207"/>
        <source>Saving would overwrite their work. Save your design under another name instead?</source>
        <translation>保存将覆盖对方的工作。要将设计另存为其他名称吗？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="208"/>
        <source>“{name}” is read-only.</source>
        <translation>“{name}”为只读文件。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="209"/>
        <source>“{name}” is read-only and belongs to {owner}.</source>
        <translation>“{name}”为只读文件，属于 {owner}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="210"/>
        <source>“{name}” belongs to {owner}.</source>
        <translation>“{name}”属于 {owner}。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="211"/>
        <source>Replacing it makes you its owner. Replace it, or save under another name?
{path}</source>
        <translation>替换后您将成为其所有者。要替换它，还是另存为其他名称？
{path}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="212"/>
        <source>The workbench will not replace it. Save your design under another name instead?
{path}</source>
        <translation>工作台不会替换该文件。要将设计另存为其他名称吗？
{path}</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="213"/>
        <source>Cannot lock “{name}”.</source>
        <translation>无法锁定“{name}”。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="214"/>
        <source>{lock} is in the way of the design&apos;s lock file, so another session might be editing it. Save under another name instead?</source>
        <translation>{lock} 占用了设计锁文件的位置，可能有其他会话正在编辑该设计。要另存为其他名称吗？</translation>
    </message>
</context>
<context>
    <name>ScenarioBar</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="215"/>
        <source>Base design</source>
        <translation>基准方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="216"/>
        <source>&amp;Scenarios</source>
        <translation>方案(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="217"/>
        <source> Scenario: </source>
        <translation> 方案： </translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="218"/>
        <source>&amp;New scenario from current…</source>
        <translation>以当前状态新建方案(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="219"/>
        <source>&amp;Duplicate scenario…</source>
        <translation>复制方案(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="220"/>
        <source>&amp;Rename scenario…</source>
        <translation>重命名方案(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="221"/>
        <source>De&amp;lete scenario</source>
        <translation>删除方案(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="222"/>
        <source>&amp;Promote to base</source>
        <translation>设为基准方案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="223"/>
        <source>&amp;Compare scenarios…</source>
        <translation>比较方案(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="224"/>
        <source>The option being edited; edits change only this option</source>
        <translation>正在编辑的方案；修改只作用于此方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="225"/>
        <source>New scenario</source>
        <translation>新建方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="226"/>
        <source>Name of the new option (it starts as what you see now):</source>
        <translation>新方案名称（以当前所见状态为起点）：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="227"/>
        <source>Duplicate scenario</source>
        <translation>复制方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="228"/>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="229"/>
        <source>Rename scenario</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="230"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="231"/>
        <source>Editing scenario “%1”: changes apply to this option only</source>
        <translation>正在编辑方案“%1”：修改只作用于此方案</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="232"/>
        <source>Scenarios</source>
        <translation>方案</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../workbench/ui/dialogs/shortcuts_dialog.py" line="39"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/shortcuts_dialog.py" line="40"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/dialogs/shortcuts_dialog.py" line="40"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
</context>
<context>
    <name>SiteTab</name>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="139"/>
        <source>Weather file</source>
        <translation>气象文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="139"/>
        <source>Monthly means</source>
        <translation>月平均值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="140"/>
        <source>Cooling loops</source>
        <translation>冷却环路</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="140"/>
        <source>IT load over the year</source>
        <translation>全年 IT 负载</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="143"/>
        <source>Choose EPW or TMY3…</source>
        <translation>选择 EPW 或 TMY3…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="144"/>
        <source>No weather file</source>
        <translation>不用气象文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="145"/>
        <source>Use the typed economizer hours instead (less accurate)</source>
        <translation>改用手动输入的自然冷却小时数（精度较低）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="147"/>
        <source>For a site not built in, download its EPW from climate.onebuilding.org (TMYx files for thousands of stations) or the EnergyPlus weather page, then choose it here. Built-in sites ship only weather data the project may redistribute; sources and licences are in resources/weather/README.md.</source>
        <translation>内置站点以外的地点，请从 climate.onebuilding.org（数千个气象站的 TMYx 文件）或 EnergyPlus 气象数据页面下载其 EPW 文件，再在此选择。内置站点只包含本项目可以再分发的气象数据，来源与许可见 resources/weather/README.md。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="150"/>
        <source>Location</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="150"/>
        <source>Latitude, longitude</source>
        <translation>纬度、经度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="151"/>
        <source>Elevation</source>
        <translation>海拔</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="151"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="151"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="152"/>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="152"/>
        <source>Source and licence</source>
        <translation>来源与许可</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="153"/>
        <source>Cooling design 0.4 %</source>
        <translation>供冷设计工况 0.4 %</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="153"/>
        <source>Heating design 99.6 %</source>
        <translation>供暖设计工况 99.6 %</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="156"/>
        <source>Dry bulb °C</source>
        <translation>干球 °C</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="156"/>
        <source>Wet bulb °C</source>
        <translation>湿球 °C</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="159"/>
        <source>Each loop holds its own supply and return temperature. Warm-water loops carry liquid-cooled racks through CDUs; chilled-water loops feed CRAHs, fan walls and rear doors. Blank takes the assumption.</source>
        <translation>每个环路有各自的供回水温度。温水环路经 CDU 服务液冷机柜；冷冻水环路供给机房空调、风墙和背板换热器。留空则采用假设值。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="161"/>
        <source>Import hourly CSV…</source>
        <translation>导入逐时 CSV…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="166"/>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="166"/>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="166"/>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="166"/>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="166"/>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="166"/>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="167"/>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="167"/>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="167"/>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="167"/>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="167"/>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="167"/>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="170"/>
        <source>Constant at the IT utilisation</source>
        <translation>按 IT 利用率恒定</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="170"/>
        <source>Weekly 24 × 7 profile</source>
        <translation>每周 24 × 7 曲线</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="171"/>
        <source>Monthly ramp (phased build-out)</source>
        <translation>逐月爬坡（分期建设）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="172"/>
        <source>Imported hourly profile</source>
        <translation>导入的逐时曲线</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="181"/>
        <source>Built-in site…</source>
        <translation>内置站点…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="189"/>
        <source>Hourly year: {0}, {1} file, {2} hours. The PUE is Σ facility / Σ IT energy over every hour.</source>
        <translation>逐时全年：{0}，{1} 文件，{2} 小时。PUE 为全年各小时设施能耗之和 / IT 能耗之和。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="192"/>
        <source>The file has changed since it was chosen: {0}</source>
        <translation>文件在选定后已被修改：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="194"/>
        <source>The weather file cannot be used: {0}
The design stays usable: its PUE comes from the typed economizer hours (less accurate) until the file is found or another is chosen.</source>
        <translation>气象文件无法使用：{0}
设计仍可使用：在找到该文件或另选文件之前，PUE 按手动输入的自然冷却小时数计算（精度较低）。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="198"/>
        <source>No weather file: the PUE comes from the typed economizer hours (assumption), the less accurate path. Choose the site&apos;s weather for an hourly year.</source>
        <translation>无气象文件：PUE 按手动输入的自然冷却小时数（假设值）计算，精度较低。请选择站点气象数据以进行逐时全年计算。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="211"/>
        <source>{0} hourly factors</source>
        <translation>{0} 个逐时系数</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="213"/>
        <source>{0} hours from {1}</source>
        <translation>{0} 小时，来自 {1}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="219"/>
        <source>12 monthly values in %</source>
        <translation>12 个月的数值（%）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="220"/>
        <source>24 hourly values in % (every day) or 168 (Monday 00:00 first)</source>
        <translation>24 个小时数值（%，每天相同）或 168 个（从周一 00:00 开始）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="231"/>
        <source>{0} m</source>
        <translation>{0} m</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="234"/>
        <location filename="../../workbench/ui/docks/site_tab.py" line="236"/>
        <source>dry bulb {0} °C, wet bulb {1} °C</source>
        <translation>干球 {0} °C，湿球 {1} °C</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="240"/>
        <source>your file</source>
        <translation>您的文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="256"/>
        <source>Recent sites…</source>
        <translation>最近使用的站点…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="300"/>
        <source>Warm-water loop {0}</source>
        <translation>温水环路 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="300"/>
        <source>Chilled-water loop {0}</source>
        <translation>冷冻水环路 {0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="303"/>
        <source>Supply</source>
        <translation>供水</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="303"/>
        <source>Return</source>
        <translation>回水</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="334"/>
        <source>Edit loop temperatures</source>
        <translation>修改环路温度</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="340"/>
        <source>Choose weather file</source>
        <translation>选择气象文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="354"/>
        <source>Choose a weather file</source>
        <translation>选择气象文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="355"/>
        <source>Weather files (*.epw *.csv *.CSV);;All files (*)</source>
        <translation>气象文件 (*.epw *.csv *.CSV);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="367"/>
        <location filename="../../workbench/ui/docks/site_tab.py" line="428"/>
        <source>Not used, the design is unchanged: {0}</source>
        <translation>未采用，设计未改动：{0}</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="386"/>
        <location filename="../../workbench/ui/docks/site_tab.py" line="414"/>
        <location filename="../../workbench/ui/docks/site_tab.py" line="432"/>
        <source>Edit IT load profile</source>
        <translation>修改 IT 负载曲线</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="394"/>
        <source>Not used: the factors must be numbers in %.</source>
        <translation>未采用：系数必须是以 % 表示的数字。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="397"/>
        <source>Not used: each factor must be between 0 and 100 %.</source>
        <translation>未采用：每个系数必须在 0 到 100 % 之间。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="400"/>
        <source>Not used: {0} values where 12 months are needed.</source>
        <translation>未采用：输入了 {0} 个数值，需要 12 个月的数值。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="406"/>
        <source>Not used: {0} values where 24 or 168 are needed.</source>
        <translation>未采用：输入了 {0} 个数值，需要 24 或 168 个。</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="417"/>
        <source>Import an hourly IT load profile</source>
        <translation>导入逐时 IT 负载曲线</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/docks/site_tab.py" line="418"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>TemplateGallery</name>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="225"/>
        <source>New from template</source>
        <translation>从模板新建</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="225"/>
        <source>Insert module</source>
        <translation>插入模块</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="226"/>
        <source>Filter by name, author or description</source>
        <translation>按名称、作者或说明筛选</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="228"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="228"/>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="229"/>
        <source>Import bundle…</source>
        <translation>导入模板包…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="230"/>
        <source>Export bundle…</source>
        <translation>导出模板包…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="233"/>
        <source>IT MW</source>
        <translation>IT MW</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="233"/>
        <source>PUE (annual)</source>
        <translation>PUE（全年）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="233"/>
        <source>racks</source>
        <translation>机柜</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="236"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="236"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="236"/>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="237"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="237"/>
        <source>Source folder</source>
        <translation>来源文件夹</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/gallery.py" line="241"/>
        <source>%n problem(s) while reading templates (see tooltip)</source>
        <translation>
            <numerusform>读取模板时出现 %n 个问题（见工具提示）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="276"/>
        <source>No templates found</source>
        <translation>未找到模板</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="287"/>
        <source>(no description)</source>
        <translation>（无说明）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="290"/>
        <source>Uses block types no library defines: %1</source>
        <translation>使用了任何库都未定义的设备类型：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="292"/>
        <source>built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="292"/>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="292"/>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message numerus="yes">
        <location filename="../../workbench/ui/gallery.py" line="305"/>
        <source>+ %n more area(s)</source>
        <translation>
            <numerusform>另有 %n 个区域</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="309"/>
        <source>compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="309"/>
        <source>network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="309"/>
        <source>storage</source>
        <translation>存储</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="310"/>
        <source>power</source>
        <translation>供电</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="310"/>
        <source>cooling</source>
        <translation>制冷</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="329"/>
        <source>Import template bundle</source>
        <translation>导入模板包</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/gallery.py" line="330"/>
        <source>Template bundles (*.zip)</source>
        <translation>模板包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="159"/>
        <source>no IT load (infrastructure block)</source>
        <translation>无 IT 负载（基础设施模块）</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="160"/>
        <source>Make room, draw a larger hall, or point at a hall and insert again.</source>
        <translation>请腾出空间、绘制更大的机房，或将指针移到某个机房上再插入。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="161"/>
        <source>%1 racks</source>
        <translation>%1 个机柜</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="162"/>
        <source>No free space</source>
        <translation>没有空余位置</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="163"/>
        <source>Save as module</source>
        <translation>另存为模块</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="164"/>
        <source>Select the blocks of the module first.</source>
        <translation>请先选择组成模块的设备。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="165"/>
        <source>Module name:</source>
        <translation>模块名称：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="166"/>
        <source>Saved from a selection of %1 blocks.</source>
        <translation>由所选的 %1 个设备保存。</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="167"/>
        <source>Templates already exist</source>
        <translation>模板已存在</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="168"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="169"/>
        <source>Keep both</source>
        <translation>两者都保留</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="170"/>
        <source>Bundle refused</source>
        <translation>模板包被拒绝</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="171"/>
        <source>Template cannot be opened</source>
        <translation>无法打开模板</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="172"/>
        <source>%1 does not fit anywhere without overlapping equipment, columns, door zones or service clearances. Halls tried:</source>
        <translation>%1 放在任何位置都会与设备、柱子、门前净空区或检修净空重叠。已尝试的机房：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="173"/>
        <source>Replace module?</source>
        <translation>替换模块？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="174"/>
        <source>Discard changes?</source>
        <translation>放弃更改？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="175"/>
        <source>The open design has unsaved changes. Start a new design from the template anyway?</source>
        <translation>当前设计有未保存的更改。仍要从模板新建设计吗？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="176"/>
        <source>Some templates in this bundle already exist:</source>
        <translation>此模板包中的部分模板已存在：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="177"/>
        <source>Nothing was written:</source>
        <translation>未写入任何内容：</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="178"/>
        <source>A module file %1 already exists. Replace it?</source>
        <translation>模块文件 %1 已存在。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="179"/>
        <source>no free %1 × %2 m spot</source>
        <translation>没有 %1 × %2 m 的空位</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="180"/>
        <source>%1 × %2 m, smaller than the module&apos;s %3 × %4 m</source>
        <translation>%1 × %2 m，小于模块的 %3 × %4 m</translation>
    </message>
</context>
<context>
    <name>Underlay</name>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="284"/>
        <source>Import DXF underlay</source>
        <translation>导入 DXF 底图</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="285"/>
        <source>DXF drawings (*.dxf)</source>
        <translation>DXF 图纸 (*.dxf)</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="286"/>
        <source>Export DXF drawing</source>
        <translation>导出 DXF 图纸</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="287"/>
        <source>Snap to drawing: on</source>
        <translation>捕捉底图：开</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="288"/>
        <source>Snap to drawing: off</source>
        <translation>捕捉底图：关</translation>
    </message>
    <message>
        <location filename="../../build/i18n/extra_strings.py" line="289"/>
        <source>%1: %2 blocks, %3 halls, units %4, 1:%5</source>
        <translation>%1：%2 个模块，%3 个机房，单位 %4，1:%5</translation>
    </message>
</context>
<context>
    <name>UnderlayController</name>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="86"/>
        <source>Underlay file not found: %1</source>
        <translation>找不到底图文件：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="94"/>
        <source>Underlay cannot be read: %1</source>
        <translation>无法读取底图：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="101"/>
        <source>The underlay file has changed since it was attached: %1</source>
        <translation>底图文件在附加后已被修改：%1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="131"/>
        <source>Attach underlay</source>
        <translation>附加底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="162"/>
        <source>Hide drawing layer %1</source>
        <translation>隐藏底图图层 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="162"/>
        <source>Show drawing layer %1</source>
        <translation>显示底图图层 %1</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="166"/>
        <source>Underlay units</source>
        <translation>底图单位</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="169"/>
        <source>Align underlay</source>
        <translation>对齐底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="175"/>
        <source>Remove underlay</source>
        <translation>移除底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay.py" line="186"/>
        <source>Relink underlay</source>
        <translation>重新链接底图</translation>
    </message>
</context>
<context>
    <name>UnderlayDock</name>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="104"/>
        <source>Select the drawing&apos;s column layer in the list first</source>
        <translation>请先在列表中选择底图的柱子图层</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="110"/>
        <source>No new columns on layer %1 inside a hall (%2 outside the halls)</source>
        <translation>图层 %1 上没有位于机房内的新柱子（%2 个在机房外）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="114"/>
        <source>Columns from layer %1</source>
        <translation>由图层 %1 生成柱子</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="116"/>
        <source>%1 columns added from layer %2 (%3 outside the halls)</source>
        <translation>已由图层 %2 添加 %1 根柱子（%3 根在机房外）</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="122"/>
        <source>Import DXF underlay</source>
        <translation>导入 DXF 底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="122"/>
        <location filename="../../workbench/ui/underlay_dock.py" line="128"/>
        <source>DXF drawings (*.dxf)</source>
        <translation>DXF 图纸 (*.dxf)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="127"/>
        <source>Find the underlay file</source>
        <translation>查找底图文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="139"/>
        <source>Show underlay</source>
        <translation>显示底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="139"/>
        <source>Hide underlay</source>
        <translation>隐藏底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="143"/>
        <source>Show underlay in reports</source>
        <translation>在报告中显示底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="143"/>
        <source>Leave underlay out of reports</source>
        <translation>报告中不显示底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="162"/>
        <source>No underlay. Use File → Import → DXF underlay…</source>
        <translation>没有底图。请使用 文件 → 导入 → DXF 底图…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="167"/>
        <source>%1 entities, units %2</source>
        <translation>%1 个图元，单位 %2</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="170"/>
        <source>%1 skipped</source>
        <translation>跳过 %1 个</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="190"/>
        <source>Underlay</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="191"/>
        <source>Units:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="195"/>
        <source>From the file</source>
        <translation>取自文件</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="198"/>
        <source>Show the drawing</source>
        <translation>显示底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="199"/>
        <source>Show in reports</source>
        <translation>在报告中显示</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="200"/>
        <source>Draw the drawing&apos;s shown layers in thin grey under the halls of the report&apos;s floor plans</source>
        <translation>在报告平面图中，将底图的显示图层以细灰线绘制在机房之下</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="202"/>
        <source>Snap to the drawing (F10)</source>
        <translation>捕捉底图 (F10)</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="203"/>
        <source>Layers (tick to show):</source>
        <translation>图层（勾选以显示）：</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="204"/>
        <source>Align by two points…</source>
        <translation>按两点对齐…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="205"/>
        <source>Hall from a closed outline</source>
        <translation>由闭合轮廓生成机房</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="206"/>
        <source>Columns from the selected layer</source>
        <translation>由所选图层生成柱子</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="207"/>
        <source>Find the file…</source>
        <translation>查找文件…</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="208"/>
        <source>Remove the underlay</source>
        <translation>移除底图</translation>
    </message>
    <message>
        <location filename="../../workbench/ui/underlay_dock.py" line="209"/>
        <source>Import DXF underlay…</source>
        <translation>导入 DXF 底图…</translation>
    </message>
</context>
</TS>
