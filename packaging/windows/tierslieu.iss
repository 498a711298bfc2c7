; Inno Setup 6 script: the Windows installer of Tiers-Lieu Desktop.
;
; Build the PyInstaller folder first (dist\tierslieu\, see packaging\README.md), then:
;     iscc packaging\windows\tierslieu.iss
; which writes dist\installer\TiersLieuDesktop-<version>-setup.exe.
; Every path below is relative to this file.

#define AppName "Tiers-Lieu Desktop"
#define AppVersion "0.1.0"
#define AppPublisher "TiersLieu"
#define AppExe "tierslieu.exe"
#define BuildDir "..\..\dist\tierslieu"

[Setup]
; The AppId identifies the application for upgrades and uninstall: never change it.
AppId={{6F1C2B7E-4A0D-4C49-9E3B-2D5A8C1F7B40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; the dialog lets an
; administrator install for every account of the front-desk PC instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=TiersLieuDesktop-{#AppVersion}-setup
SetupIconFile=..\..\resources\tierslieu.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The user's data (database, backups, settings in %LOCALAPPDATA%\TiersLieu) is never
; touched by the installer nor by the uninstaller.

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.DemoShortcut=%1 (démonstration)
english.DemoShortcut=%1 (demo)
french.DemoComment=Ouvre une base de démonstration, sans toucher à vos données
english.DemoComment=Opens a demo database, leaving your data alone
french.AppComment=Gestion du fablab : adhérents, machines, réservations, caisse
english.AppComment=Fablab management: members, machines, bookings, checkout

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller one-folder build: tierslieu.exe and _internal\ (Qt, Python,
; translations, icons, migrations).
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:DemoShortcut,{#AppName}}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; Comment: "{cm:DemoComment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[InstallDelete]
; An upgrade replaces the previous build entirely (no stale Qt or Python files).
Type: filesandordirs; Name: "{app}\_internal"
