<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt 6 gave these file-dialog labels accelerators; Qt's own qtbase_zh_CN still only translates the old
     texts without them ("Look in:"), so the Chinese file dialog said "Look in:" and "Files of type:".
     Loaded after qtbase by workbench/ui/i18n.py; compile with pyside6-lrelease. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
