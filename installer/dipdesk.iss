; dipdesk: the Windows installer (Inno Setup 6.3 or newer). Build on Windows, after PyInstaller:
;
;   pyinstaller build_installer.spec --noconfirm
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=1.0.0 installer\dipdesk.iss
;
; -> installer\Output\dipdesk-setup-1.0.0.exe
;
; It installs for all users of the computer (Program Files, administrator rights), with a Start-menu
; group (dipdesk, its command line, uninstall) and a desktop shortcut, in Thai or English. Everything in
; dist\dipdesk goes in: both programs (dipdesk.exe, windowed; dipdesk-cli.exe, console), Qt, the Thai fonts
; and the compiled translations (under _internal\dipdesk\_data). The uninstaller removes only what it
; installed: each user's data folder (%LOCALAPPDATA%\dipdesk: the database, its backups, settings) is
; the user's work and stays.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "dipdesk"
#define AppPublisher "Department of Industrial Promotion (กรมส่งเสริมอุตสาหกรรม)"
; the folder build_installer.spec produces (COLLECT name="dipdesk")
#define BuildDir "..\dist\dipdesk"
#define GuiExe "dipdesk.exe"
#define CliExe "dipdesk-cli.exe"

[Setup]
; one AppId for ever: upgrades replace the installed version in place
AppId={{6B3E0D52-7F1A-4C38-9E3B-2D5A8C41F0A7}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=Output
OutputBaseFilename=dipdesk-setup-{#AppVersion}
SetupIconFile=..\resources\icons\dipdesk.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes
; a running dipdesk holds its files: ask to close it before replacing them
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "thai"; MessagesFile: "compiler:Default.isl,languages\Thai.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
thai.CommandLine=dipdesk บรรทัดคำสั่ง
english.CommandLine=dipdesk command line
thai.AppComment=บันทึกกิจกรรม ใบรับรอง และผลทดสอบของ กสอ.
english.AppComment=DIProm records, certificates and lab results

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; the whole PyInstaller folder, every subfolder included (Qt plugins, fonts, translations, migrations)
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:CommandLine}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] and no [Code] that touches {localappdata} or {userappdata}: the users' databases,
; backups and settings stay when dipdesk is removed (reinstalling finds them again).
