; Inno Setup recipe for the Windows installer of Data Hall Workbench.
; Build on Windows (this Linux machine cannot run PyInstaller for Windows):
;   .venv\Scripts\python -m pip install "pyinstaller>=6.10"
;   .venv\Scripts\pyinstaller --noconfirm --clean installers\workbench.spec
;   dist\workbench\workbench-cli.exe --self-test
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 installers\windows\workbench.iss
; Output: dist\datahall-workbench-0.1.0-windows-x64-setup.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Data Hall Workbench"
#define AppExe "workbench.exe"
#define Root "..\.."

[Setup]
AppId={{6F0C2A57-3B1E-4C39-9D0B-2B8E8A1D5C41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Data Hall Workbench team
DefaultDirName={autopf}\Data Hall Workbench
DefaultGroupName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile={#Root}\resources\icons\workbench.ico
LicenseFile={#Root}\installers\windows\LICENSE.txt
OutputDir={#Root}\dist
OutputBaseFilename=datahall-workbench-{#AppVersion}-windows-x64-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Per-user install needs no administrator; the user can still choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open .dchall.json design files with {#AppName}"; GroupDescription: "Files:"

[Files]
Source: "{#Root}\dist\workbench\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "*.dchall.json" cannot be registered as a double extension; Windows sees ".json", so the association is
; offered as an "Open with" entry for .json plus a ProgID, rather than taking .json over.
Root: HKA; Subkey: "Software\Classes\DataHallWorkbench.Design"; ValueType: string; ValueName: ""; ValueData: "Data hall design"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\DataHallWorkbench.Design\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\DataHallWorkbench.Design\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "DataHallWorkbench.Design"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
