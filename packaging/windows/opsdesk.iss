; Inno Setup 6 script: per-user installer of the frozen OpsDesk folder (no admin rights).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\opsdesk.iss
;
; Expects dist\OpsDesk\ from packaging\opsdesk.spec (OpsDesk.exe, opsdesk-cli.exe, _internal\).
; Writes dist\installer\OpsDesk-<version>-setup.exe.
;
; The shop's data never lives under {app}: the database, its backups, logs and settings are in
; %LOCALAPPDATA%\opsdesk (platformdirs.user_data_dir("opsdesk", appauthor=False)), so an
; upgrade replaces the program and leaves the data for the new version to back up and migrate.

#define AppName "OpsDesk"
#define Root AddBackslash(SourcePath) + "..\.."
#define DistDir Root + "\dist\OpsDesk"
#ifndef AppVersion
  ; The executable carries opsdesk.__version__ in its version resource (see the spec).
  #define AppVersion GetVersionNumbersString(DistDir + "\OpsDesk.exe")
#endif

; Simplified Chinese ships with Inno Setup only from the releases where it became an official
; translation; older ones (and some packaged installs) have it under Unofficial or not at all. A
; copy placed beside this script is the last resort, so the build never silently drops Chinese.
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\Unofficial\ChineseSimplified.isl"
#elif FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#else
  #error ChineseSimplified.isl was found neither in Inno Setup's Languages folder nor beside opsdesk.iss; put Inno Setup's Simplified Chinese translation in one of them.
#endif

[Setup]
; The AppId ties every version together: a newer installer upgrades in place.
AppId={{8B0F3C59-4C1E-4E8A-9C0B-3A6B2E7D5F21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 1809 and later.
MinVersion=10.0.17763
OutputDir={#Root}\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile={#Root}\resources\icons\opsdesk.ico
UninstallDisplayIcon={app}\OpsDesk.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running OpsDesk holds its files open; let Windows close it and start it again afterwards.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.KeepDataQuestion=Also delete your shop data?%n%nThe database, its backups, logs and settings are in:%n%1%n%nChoose No to keep them (for example to reinstall or move to a new laptop later).
chinesesimplified.KeepDataQuestion=是否同时删除门店数据？%n%n数据库、备份、日志和设置位于：%n%1%n%n选择“否”将保留这些数据（例如以后重新安装或迁移到新电脑）。

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; Files of the previous version that this one no longer has must go: Alembic reads every script
; in _internal\opsdesk\db\migrations\versions, and a stale one would break the migration chain.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\OpsDesk.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\OpsDesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\OpsDesk.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself leaves under {app}; the data folder is handled below.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\opsdesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // Keeping is the default and the answer of a silent uninstall: losing a shop's books to an
  // uninstall is far worse than a folder left behind.
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) then
    if SuppressibleMsgBox(FmtMessage(CustomMessage('KeepDataQuestion'), [DataDir()]),
                          mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
      DelTree(DataDir(), True, True, True);
end;
